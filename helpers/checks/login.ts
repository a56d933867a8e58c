import type { Operation } from "../contract/contract";
import { violationsInWords } from "../contract/schemas";
import { readRunInfo } from "../run/run-info";
import { WRONG_PASSWORD } from "./auth-cases";
import type { Check, CheckContext, ReadResponse, Variation, Verdict } from "./check";
import { describeResponse } from "./check";

/**
 * `POST api/2.0/authentication` (workspace-api-facts.md §4): not in specs/*.yaml, because its body
 * is the run's credentials; each check adds them when it runs.
 */
export const LOGIN_OPERATION: Operation = {
  section: "authentication",
  id: "login",
  key: "authentication.login",
  method: "POST",
  path: "api/2.0/authentication",
  summary: "Signs in: a token and when it expires",
  auth: "anonymous",
  creates: false,
  successStatus: 201,
  schema: "authentication/authentication-token-data.json",
  query: {},
  params: {},
  volatile: [],
  tags: [],
  source: "helpers/checks/login.ts",
};

function signingIn(op: Operation, userName: string, password: string): Operation {
  return { ...op, body: { userName, password } };
}

/** The three ways to ask for a format: the two suffixes and none (the default, XML). */
const FORMATS: { label: string; variation: Variation }[] = [
  { label: ".json", variation: { suffix: "json" } },
  { label: ".xml", variation: { suffix: "xml" } },
  { label: "default", variation: { headers: { Accept: "*/*" } } },
];

/** What is wrong with one successful login's answer, or undefined. */
function loginProblem(read: ReadResponse, op: Operation, ctx: CheckContext, now: number): string | undefined {
  if (read.status !== 201) return `the status is ${read.status ?? "none"}, not 201 Created`;
  if (read.unreadable || read.value === undefined)
    return read.unreadable ?? "the body is neither JSON nor XML";
  const violations = ctx.schemas.validate(ctx.envelopeSchema(op, "success"), read.value);
  if (violations.length) return `schema: ${violationsInWords(violations)}`;
  const { token, expires } = (read.value as { response: { token: string; expires: string } }).response;
  if (!token) return "the token is empty";
  // ApiDateTime carries up to 7 fractional digits; Date reads 3.
  const expiry = Date.parse(expires.replace(/(\.\d{3})\d+/, "$1"));
  if (Number.isNaN(expiry)) return `expires "${expires}" is not a date`;
  if (expiry <= now) return `expires "${expires}" is not in the future`;
  return undefined;
}

function loginCheck(name: string, bodyKind: "json" | "form", sends: string): Check {
  return {
    family: "login",
    name,
    rule: `Signing in with ${sends} answers 201 with a token and a future \`expires\`, in the envelope and schema of .json, .xml and the default format.`,
    appliesTo: (op) => op.key === LOGIN_OPERATION.key,
    async run(op, ctx): Promise<Verdict> {
      const { user, password } = readRunInfo().credentials;
      const login = signingIn(op, user, password);
      const problems: string[] = [];
      const given: string[] = [];
      for (const { label, variation } of FORMATS) {
        const now = Date.now();
        const read = await ctx.perform(login, { ...variation, bodyKind });
        given.push(`${label}: ${describeResponse(read)}`);
        const problem = loginProblem(read, login, ctx, now);
        if (problem) problems.push(`${label}: ${problem}`);
      }
      const expected = "201, the success envelope with token and expires (in the future), in each format";
      if (!problems.length) return { passed: true, expected, given, why: "signed in, in every format" };
      return { passed: false, expected, given, why: problems.join("; ") };
    },
  };
}

/**
 * A failed login answers no success and no token. The status is undocumented (the real 12.x answers
 * 500), so it is only reported. Each counts towards the lock-out (5 per 60 s per login and IP): the
 * run makes these two, and only one of them names the run's account.
 */
function failedLoginCheck(name: string, sends: string, credentials: () => [string, string]): Check {
  return {
    family: "login",
    name,
    rule: `Signing in with ${sends} does not succeed and returns no token (the status is undocumented).`,
    appliesTo: (op) => op.key === LOGIN_OPERATION.key,
    async run(op, ctx): Promise<Verdict> {
      const read = await ctx.perform(signingIn(op, ...credentials()), { suffix: "json", bodyKind: "json" });
      const given = describeResponse(read);
      const expected = "not 2xx, and no token in the body";
      const body = read.exchange.response?.body ?? "";
      const token = (read.value as { response?: { token?: unknown } } | undefined)?.response?.token;
      if (read.status === undefined) return { passed: false, expected, given, why: given };
      if (read.status >= 200 && read.status < 300)
        return { passed: false, expected, given, why: `the login succeeded (${read.status})` };
      if (token || /"token"\s*:\s*"[^"]|<token>[^<]/.test(body))
        return { passed: false, expected, given, why: "the body carries a token" };
      return {
        passed: true,
        expected,
        given,
        why: `refused with ${read.status} (the status is undocumented)`,
      };
    },
  };
}

export const loginChecks: Check[] = [
  loginCheck("json-body", "json", "a JSON body"),
  loginCheck("form-body", "form", "a form-urlencoded body"),
  failedLoginCheck("wrong-password", "the run's user name and a wrong password", () => [
    readRunInfo().credentials.user,
    WRONG_PASSWORD,
  ]),
  failedLoginCheck("unknown-user", "a user name that does not exist", () => [
    `wc-no-such-user-${readRunInfo().runId}@conformance.invalid`,
    WRONG_PASSWORD,
  ]),
];
