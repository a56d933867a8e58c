import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { anonymousChecks, authPlan, controlCheck, refusalChecks } from "../../helpers/checks/auth";
import { REFUSAL_CASES } from "../../helpers/checks/auth-cases";
import type { CheckContext, ReadResponse, Variation } from "../../helpers/checks/check";
import { runCheck } from "../../helpers/checks/index";
import type { Operation, Section } from "../../helpers/contract/contract";
import { SCHEMA_BASE, schemaRegistry } from "../../helpers/contract/schemas";
import { issuedTokens } from "../../helpers/http/redaction";
import { reportedResult } from "../../helpers/reporters/evidence";
import { countsInWords, verdictInWords } from "../../helpers/reporters/summary";
import { alteredToken } from "../../helpers/run/run-client";
import { testOperation } from "../support/operation";

const TOKEN = "Zk9vYmFyLXRva2VuLTEyMzQ1Njc4OTA";
process.env.WC_RUN_INFO = JSON.stringify({
  token: TOKEN,
  credentials: { user: "admin", password: "secret-pw" },
});

function operation(id: string, extra: Partial<Operation> = {}): Operation {
  return testOperation("people", id, { source: "test", ...extra });
}

/** Answers each request by its Authorization value (undefined: the run's token) and records it. */
function context(answer: (authorization: string | null | undefined) => Partial<ReadResponse>) {
  const sent: (string | null | undefined)[] = [];
  const ctx: CheckContext = {
    schemas: schemaRegistry(),
    runMarker: "wc-test",
    async perform(_op: Operation, variation: Variation = {}) {
      sent.push(variation.authorization);
      return {
        exchange: { request: { method: "GET", url: "", headers: {} }, ms: 0 },
        ...answer(variation.authorization),
      };
    },
    reuse: () => undefined,
    send: () => Promise.reject(new Error("not used")),
    sibling: () => undefined,
    envelopeSchema: (_op, kind) => `${SCHEMA_BASE}envelope/${kind}.json`,
  };
  return { ctx, sent };
}

const noHeader =
  refusalChecks.find((check) => check.name === "no-header") ?? assert.fail("no no-header case");
const ok = { status: 200, value: { status: 0, statusCode: 200, response: { id: "x" } } };
const refused = { status: 401, value: { status: 1, statusCode: 401, error: { message: "Unauthorized" } } };

describe("auth cases", () => {
  test("the altered token differs from the real one in exactly one character, whatever that is", () => {
    for (const token of ["abc9def", "abczdef", "abcZdef", "abc-def", "abcAdef", TOKEN]) {
      const altered = alteredToken(token);
      assert.equal(altered.length, token.length);
      assert.equal([...token].filter((c, i) => altered[i] !== c).length, 1, `${token} -> ${altered}`);
    }
  });

  test("seven distinct cases, none of them a valid way to send the token", () => {
    const values = REFUSAL_CASES.map((c) => c.authorization({ token: TOKEN, user: "admin" }));
    assert.equal(new Set(REFUSAL_CASES.map((c) => c.name)).size, 7);
    for (const value of values) assert.ok(value !== TOKEN && value !== `Bearer ${TOKEN}`, String(value));
    assert.ok(!values.some((value) => value?.includes(Buffer.from("admin:secret-pw").toString("base64"))));
  });
});

describe("auth plan", () => {
  const section: Section = {
    name: "people",
    title: "People",
    file: "people.yaml",
    operations: [
      operation("by-id", { params: { id: { value: "1" } } }),
      operation("create", { method: "POST", creates: true, successStatus: 201 }),
      operation("list"),
      operation("self"),
      operation("anonymous", { auth: "anonymous" }),
      operation("optional", { method: "POST", creates: true, successStatus: 201, auth: "optional" }),
    ],
  };
  const names = (plan: ReturnType<typeof authPlan>) =>
    Object.fromEntries(plan.map(({ op, checks }) => [op.id, checks.map((c) => c.name)]));

  test("the whole matrix on the first plain read, the no-header case elsewhere", () => {
    const plan = names(authPlan([section], "representative"));
    assert.deepEqual(plan.list, ["control", ...REFUSAL_CASES.map((c) => c.name), "bearer"]);
    assert.deepEqual([plan["by-id"], plan.create, plan.self], [["no-header"], ["no-header"], ["no-header"]]);
    assert.deepEqual(plan.anonymous, ["anonymous", "anonymous-invalid-header"]);
    assert.deepEqual(plan.optional, [], "documented as needing no credentials: no refusal to expect");
  });

  test("full: the whole matrix on every operation that needs authentication", () => {
    const plan = names(authPlan([section], "full"));
    for (const id of ["by-id", "create", "list", "self"]) assert.equal(plan[id].length, 9, id);
    assert.deepEqual(plan.optional, []);
  });
});

describe("refusal checks", () => {
  test("a refusal is conclusive only after the control succeeded", async () => {
    const { ctx, sent } = context(() => ({ status: 500 }));
    const op = operation("broken");
    const result = await runCheck(op, noHeader, ctx, []);
    assert.equal(result.outcome, "inconclusive");
    assert.match(result.why, /control .* did not succeed/);
    assert.deepEqual(sent, [undefined], "the refusal itself is not sent");
  });

  // That an operation's checks send its control once is SharedReads' (tests/unit/shared-reads.test.ts).
  test("a 200 without credentials fails, a 401 passes", async () => {
    const open = context(() => ok);
    const op = operation("open");
    assert.equal((await runCheck(op, controlCheck, open.ctx, [])).outcome, "passed");
    const result = await runCheck(op, noHeader, open.ctx, []);
    assert.equal(result.outcome, "failed");
    assert.match(result.why, /not 401/);
    assert.deepEqual(open.sent, [undefined, undefined, null]);

    const closed = context((authorization) => (authorization === undefined ? ok : refused));
    assert.equal((await runCheck(operation("closed"), noHeader, closed.ctx, [])).outcome, "passed");
  });

  test("a refusal that got no answer says what happened to it", async () => {
    const request = { method: "GET" as const, url: "", headers: {} };
    const lost = { exchange: { request, ms: 1000, error: "no answer within 1000 ms" } };
    const silent = context((authorization) => (authorization === undefined ? ok : lost));
    const result = await runCheck(operation("silent"), noHeader, silent.ctx, []);
    assert.equal(result.outcome, "failed");
    assert.match(result.why, /^no Authorization header got no response: no answer within 1000 ms, not 401$/);
  });

  test("a 401 that carries the resource, or a success envelope, fails", async () => {
    const leaky = context((authorization) =>
      authorization === undefined
        ? ok
        : { status: 401, value: { status: 0, statusCode: 401, response: { id: "x" } } },
    );
    const result = await runCheck(operation("leaky"), noHeader, leaky.ctx, []);
    assert.equal(result.outcome, "failed");
    assert.match(result.why, /response/);
  });

  test("an informational check's failure is marked so and does not gate the verdict", async () => {
    const invalidHeader =
      anonymousChecks.find((c) => c.informational) ?? assert.fail("no informational check");
    const { ctx } = context(() => ({ status: 401 }));
    const result = await runCheck(operation("anon", { auth: "anonymous" }), invalidHeader, ctx, []);
    assert.deepEqual([result.outcome, result.informational], ["failed", true]);
    const checks = [reportedResult(result, true)];
    assert.equal(checks[0].gating, false);
    assert.match(countsInWords(checks), /0 failed.*1 informational/);
    assert.match(verdictInWords(checks, true), /^CONFORMS, with 1 informational failure/);
    const gating = reportedResult({ ...result, informational: undefined }, true);
    assert.match(verdictInWords([gating], true), /^DOES NOT CONFORM/);
  });
});

test("tokens a login answers are found for redaction, escaped and unescaped, in JSON and XML", () => {
  assert.deepEqual(issuedTokens('{"response":{"token":"ab\\/cd+ef=","expires":"x"}}'), [
    "ab\\/cd+ef=",
    "ab/cd+ef=",
  ]);
  assert.deepEqual(issuedTokens("<result><response><token>ab/cd</token></response></result>"), ["ab/cd"]);
  assert.deepEqual(issuedTokens('{"error":{"message":"User authentication failed"}}'), []);
});
