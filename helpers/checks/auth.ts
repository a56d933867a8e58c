import type { Operation, Section } from "../contract/contract";
import { violationsInWords } from "../contract/schemas";
import { readRunInfo } from "../run/run-info";
import { type Caller, REFUSAL_CASES, type RefusalCase } from "./auth-cases";
import type { Check, CheckContext, ReadResponse, Verdict } from "./check";
import { describeResponse } from "./check";
import { refusedRequest, successRequest } from "./requests";

const succeeded = (read: ReadResponse) =>
  read.status !== undefined && read.status >= 200 && read.status < 300;

function successVerdict(read: ReadResponse): Verdict {
  const given = describeResponse(read);
  const expected = "a 2xx status";
  if (succeeded(read)) return { passed: true, expected, given, why: `answered ${read.status}` };
  return { passed: false, expected, given, why: `the status is ${read.status ?? "none"}, not a success` };
}

function caller(): Caller {
  const run = readRunInfo();
  return { token: run.token, user: run.credentials.user };
}

/**
 * The positive control of an operation: its plain request with the run's token. The operation's
 * checks run one after another, so it is sent once, and the status check's answer serves it.
 */
const sendControl = (op: Operation, ctx: CheckContext): Promise<ReadResponse> =>
  ctx.perform(op, successRequest(op));

/** The operation's control when it succeeded, else why the operation's refusals prove nothing. */
async function theControl(
  op: Operation,
  ctx: CheckContext,
): Promise<{ control: ReadResponse } | { problem: string }> {
  let read: ReadResponse;
  try {
    read = await sendControl(op, ctx);
  } catch (error) {
    // A write not allowed, no record to read: the check does not run either (skipped).
    if (["WriteRefused", "NoRecordToRead"].includes((error as Error).name)) throw error;
    return {
      problem: `the control (the same request with the valid token) could not be sent: ${(error as Error).message}`,
    };
  }
  if (succeeded(read)) return { control: read };
  return {
    problem: `the control (the same request with the valid token) did not succeed either (${describeResponse(read)}), so a refusal here proves nothing`,
  };
}

/** A refusal carries no data of the resource: no body, a body that is no envelope, or the error envelope. */
function refusalBodyProblem(read: ReadResponse, ctx: CheckContext): string | undefined {
  const value = read.value as { response?: unknown } | undefined;
  if (value === undefined || typeof value !== "object" || value === null) return undefined;
  if (value.response !== undefined && value.response !== null) return "the body carries a `response`";
  const violations = ctx.schemas.validate(ctx.envelopeSchema(undefined, "error"), value);
  if (violations.length === 0) return undefined;
  return `the body is an envelope but not the error envelope: ${violationsInWords(violations)}`;
}

function refusalCheck(refusal: RefusalCase): Check {
  return {
    family: "auth",
    name: refusal.name,
    rule: `A request that needs authentication and carries ${refusal.sends} answers 401 Unauthorized, with no data of the resource.`,
    appliesTo: (op) => op.auth === "required",
    async run(op, ctx): Promise<Verdict> {
      const expected = "status 401; no body, a plain body or the error envelope";
      const checked = await theControl(op, ctx);
      if ("problem" in checked)
        return { passed: false, inconclusive: true, expected, given: "not sent", why: checked.problem };
      const read = await ctx.perform(
        op,
        refusedRequest(op, checked.control, refusal.authorization(caller())),
      );
      const given = describeResponse(read);
      const why =
        read.status !== 401
          ? `${refusal.sends} got ${read.status === undefined ? given : `status ${read.status}`}, not 401`
          : refusalBodyProblem(read, ctx);
      return why
        ? { passed: false, expected, given, why }
        : { passed: true, expected, given, why: "refused with 401" };
    },
  };
}

/** A check that the operation succeeds with the given Authorization value (null: none). */
function acceptanceCheck(
  name: string,
  rule: string,
  appliesTo: (op: Operation) => boolean,
  authorization: (caller: Caller) => string | null,
): Check {
  return {
    family: "auth",
    name,
    rule,
    appliesTo,
    async run(op, ctx): Promise<Verdict> {
      return successVerdict(
        await ctx.perform(op, { ...successRequest(op), authorization: authorization(caller()) }),
      );
    },
  };
}

const anonymous = (op: Operation) => op.auth === "anonymous";
const required = (op: Operation) => op.auth === "required";

/** The control: the token sent raw as the Authorization value, as documented, works. */
export const controlCheck: Check = {
  family: "auth",
  name: "control",
  rule: "A request with the run's token as the raw Authorization value (as documented) succeeds; the operation's refusals are conclusive only then.",
  appliesTo: required,
  async run(op, ctx): Promise<Verdict> {
    return successVerdict(await sendControl(op, ctx));
  },
};

export const refusalChecks: Check[] = REFUSAL_CASES.map(refusalCheck);

export const bearerCheck: Check = {
  ...acceptanceCheck(
    "bearer",
    "`Authorization: Bearer <token>` is accepted too (ASCBearerAuthorization; not in the documentation).",
    required,
    ({ token }) => `Bearer ${token}`,
  ),
  informational: true,
};

export const anonymousChecks: Check[] = [
  acceptanceCheck(
    "anonymous",
    "An operation documented as anonymous succeeds without any Authorization header.",
    anonymous,
    () => null,
  ),
  {
    ...acceptanceCheck(
      "anonymous-invalid-header",
      "An anonymous operation also succeeds with an invalid Authorization header (the real server ignores it; undocumented).",
      anonymous,
      () => "wc-invalid-token",
    ),
    informational: true,
  },
];

/** A section's first read that needs authentication, no value looked up or created first, and has no side effects. */
export function representativeOf(section: Section): Operation | undefined {
  return section.operations.find(
    (op) =>
      op.auth === "required" && op.method === "GET" && !op.effects && Object.keys(op.params).length === 0,
  );
}

/**
 * The auth rows of every operation, in the order they run: anonymous operations get the anonymous
 * checks, `optional` ones none; the section's representative read (every operation with `full`) its control, the seven
 * cases and Bearer; any other operation the no-header case alone, which sends its control itself.
 */
export function authPlan(
  sections: Section[],
  matrix: "representative" | "full",
): { op: Operation; checks: Check[] }[] {
  return sections.flatMap((section) => {
    const representative = representativeOf(section)?.key;
    return section.operations.map((op) => {
      if (op.auth === "anonymous") return { op, checks: anonymousChecks };
      // The server refuses nothing for want of credentials here: there is no refusal to check.
      if (op.auth === "optional") return { op, checks: [] };
      if (matrix === "full" || op.key === representative)
        return { op, checks: [controlCheck, ...refusalChecks, bearerCheck] };
      return { op, checks: refusalChecks.filter((check) => check.name === "no-header") };
    });
  });
}
