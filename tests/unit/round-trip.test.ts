import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { CheckContext, ReadResponse, Variation } from "../../helpers/checks/check";
import { runCheck } from "../../helpers/checks/index";
import { roundTripChecks } from "../../helpers/checks/round-trip";
import type { Operation } from "../../helpers/contract/contract";
import { SCHEMA_BASE, schemaRegistry } from "../../helpers/contract/schemas";
import { testOperation } from "../support/operation";

const get = testOperation("group", "get-by-id", { path: "api/2.0/group/{groupid}" });
const list = testOperation("group", "list", { path: "api/2.0/group" });
const create = testOperation("group", "create", {
  method: "POST",
  path: "api/2.0/group",
  creates: true,
  successStatus: 201,
  body: { groupName: "{unique}" },
  reflects: { name: "{unique}" },
  readBack: { operation: "get-by-id", params: { groupid: "id" } },
  listedIn: { operation: "list" },
});
const update = testOperation("group", "update", {
  method: "PUT",
  path: "api/2.0/group/{groupid}",
  body: { groupName: "{unique}-renamed" },
  readBack: { operation: "get-by-id" },
});
const remove = testOperation("group", "delete", {
  method: "DELETE",
  path: "api/2.0/group/{groupid}",
  gone: { operation: "get-by-id", status: 404, source: "GroupsApi.cs:234 NotFoundIfNull" },
});
const siblings = new Map([get, list, create, update, remove].map((op) => [op.id, op]));

type Answer = Partial<ReadResponse> & { response?: unknown };

/**
 * A deployment of one group: the write answers `write` (`refused` when sent without credentials);
 * the GET and the list answer from `stored`.
 */
function context(write: Answer, stored: Record<string, unknown> | undefined, refused: Answer = write) {
  const sent: string[] = [];
  const answer = ({ response, ...rest }: Answer): ReadResponse => ({
    exchange: { request: { method: "GET", url: "", headers: {} }, ms: 0 },
    format: "json",
    ...rest,
    value: response === undefined ? undefined : { status: 0, statusCode: rest.status, response },
  });
  const ctx: CheckContext = {
    schemas: schemaRegistry(),
    runMarker: "wc-test",
    async perform(op: Operation, variation: Variation = {}) {
      const credentials = variation.authorization === null ? "without credentials" : "";
      sent.push(`${op.method} ${op.id} ${JSON.stringify(variation.values ?? {})} ${credentials}`.trim());
      if (op.method !== "GET") return answer(variation.authorization === null ? refused : write);
      if (op === list) return answer({ status: 200, response: stored ? [stored] : [] });
      const found = stored && variation.values?.groupid === stored.id;
      return answer(found ? { status: 200, response: stored } : { status: 404, response: undefined });
    },
    reuse: () => undefined,
    send: () => Promise.reject(new Error("not used")),
    sibling: (_op, id) => siblings.get(id),
    envelopeSchema: (_op, kind) => `${SCHEMA_BASE}envelope/${kind}.json`,
  };
  return { ctx, sent };
}

const check = (name: string) => roundTripChecks.find((c) => c.name === name) as (typeof roundTripChecks)[0];
const run = (op: Operation, name: string, ctx: CheckContext) => runCheck(op, check(name), ctx, []);

const created = { id: "g1", name: "wc-test-1" };
const createAnswer: Answer = { status: 201, response: created, reflects: { name: "wc-test-1" } };

describe("write round trip", () => {
  test("each check applies to the writes that declare it, and to nothing else", () => {
    const applies = (op: Operation) => roundTripChecks.filter((c) => c.appliesTo(op)).map((c) => c.name);
    assert.deepEqual(applies(create), ["read-back", "listed", "refused-writes-nothing"]);
    assert.deepEqual(applies(update), ["reflects-update"]);
    assert.deepEqual(applies(remove), ["gone-after-delete"]);
    assert.deepEqual(applies(get), []);
    assert.deepEqual(applies({ ...create, readBack: undefined, listedIn: undefined }), []);
  });

  test("a create read back by its id, carrying what was sent, and listed: passed, one GET each", async () => {
    const { ctx, sent } = context(createAnswer, created);
    assert.equal((await run(create, "read-back", ctx)).outcome, "passed");
    assert.deepEqual(sent, ["POST create {}", 'GET get-by-id {"groupid":"g1"}']);
    assert.equal((await run(create, "listed", ctx)).outcome, "passed");
  });

  test("a create not stored fails read-back and listed", async () => {
    const { ctx } = context(createAnswer, undefined);
    const back = await run(create, "read-back", ctx);
    assert.equal(back.outcome, "failed");
    assert.match(back.why, /could not be read back/);
    const listed = await run(create, "listed", ctx);
    assert.equal(listed.outcome, "failed");
    assert.match(listed.why, /does not list the new record \(id g1\) among its 0 items/);
  });

  test("a record read back without what was sent fails, naming the field", async () => {
    const { ctx } = context(createAnswer, { id: "g1", name: "something else" });
    const result = await run(create, "read-back", ctx);
    assert.equal(result.outcome, "failed");
    assert.match(result.why, /does not carry what the POST sent: name/);
  });

  test("an update read back with the update's own id: passed when changed, failed when ignored", async () => {
    const write: Answer = {
      status: 200,
      response: { id: "g1", name: "wc-test-1-renamed" },
      reflects: { name: "wc-test-1-renamed" },
      values: { groupid: "g1" },
    };
    assert.equal(
      (await run(update, "reflects-update", context(write, { id: "g1", name: "wc-test-1-renamed" }).ctx))
        .outcome,
      "passed",
    );
    const ignored = await run(update, "reflects-update", context(write, { id: "g1", name: "wc-test-1" }).ctx);
    assert.equal(ignored.outcome, "failed");
  });

  test("after a delete the GET must answer gone.status; a record still there fails with the citation", async () => {
    const write: Answer = { status: 200, response: {}, values: { groupid: "g1" } };
    assert.equal((await run(remove, "gone-after-delete", context(write, undefined).ctx)).outcome, "passed");
    const kept = await run(remove, "gone-after-delete", context(write, { id: "g1" }).ctx);
    assert.equal(kept.outcome, "failed");
    assert.match(kept.why, /answers 200, not 404 \(GroupsApi\.cs:234/);
  });

  test("a write that did not succeed leaves its round trip inconclusive, and no GET is sent", async () => {
    const { ctx, sent } = context({ status: 500, response: undefined }, created);
    for (const [op, name] of [
      [create, "read-back"],
      [create, "listed"],
      [remove, "gone-after-delete"],
    ] as const)
      assert.equal((await run(op, name, ctx)).outcome, "inconclusive");
    assert.ok(sent.every((line) => !line.startsWith("GET")));
  });

  test("a create refused for want of credentials: passed when its list holds nothing it sent, failed when it does", async () => {
    const refused: Answer = { status: 401, response: undefined, reflects: { name: "wc-test-2" } };
    const clean = context(createAnswer, { id: "g0", name: "Marketing" }, refused);
    const result = await run(create, "refused-writes-nothing", clean.ctx);
    assert.equal(result.outcome, "passed");
    assert.deepEqual(
      clean.sent,
      ["POST create {}", "POST create {} without credentials", "GET list {}"],
      "the control (in a run, the status check's), the refused create, the list",
    );
    const kept = context(createAnswer, { id: "g2", name: "wc-test-2" }, refused);
    const written = await run(create, "refused-writes-nothing", kept.ctx);
    assert.equal(written.outcome, "failed");
    assert.match(
      written.why,
      /refused with 401, yet GET api\/2\.0\/group lists a record carrying what it sent/,
    );
    const accepted = context(createAnswer, created, { ...refused, status: 201 });
    assert.equal((await run(create, "refused-writes-nothing", accepted.ctx)).outcome, "inconclusive");
  });

  test("a create whose answer has no id fails read-back, saying which member is missing", async () => {
    const { ctx } = context({ ...createAnswer, response: { name: "wc-test-1" } }, created);
    const result = await run(create, "read-back", ctx);
    assert.equal(result.outcome, "failed");
    assert.match(result.why, /has no "id" for \{groupid\}/);
  });
});
