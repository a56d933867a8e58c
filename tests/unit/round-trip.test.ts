import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { CheckContext, ReadResponse, Variation } from "../../helpers/checks/check";
import { runCheck } from "../../helpers/checks/index";
import { WRITE_REQUESTS } from "../../helpers/checks/requests";
import { CreatedRecords, roundTripChecks } from "../../helpers/checks/round-trip";
import type { Operation } from "../../helpers/contract/contract";
import { SCHEMA_BASE, schemaRegistry } from "../../helpers/contract/schemas";
import type { RequestSpec, WorkspaceClient } from "../../helpers/http/client";
import { Ledger } from "../../helpers/run/ledger";
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
    assert.deepEqual(applies(create), ["read-back", "refused-writes-nothing", "listed"]);
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

  test("a delete's request in a format acts on the record the create made in that format, once; an update on the JSON one", () => {
    const { records, made } = createdRecords();
    assert.equal(records.actedOn(update, WRITE_REQUESTS.json, creates, "id", "groupid"), "g-json");
    assert.equal(
      records.actedOn(update, WRITE_REQUESTS.default, creates, "id", "groupid"),
      "g-json",
      "whichever request",
    );
    assert.equal(records.actedOn(remove, WRITE_REQUESTS.json, creates, "id", "groupid"), "g-json");
    assert.equal(
      records.actedOn(remove, WRITE_REQUESTS.json, creates, "id", "groupid"),
      undefined,
      "deleted once",
    );
    assert.equal(
      records.actedOn(update, WRITE_REQUESTS.json, creates, "id", "groupid"),
      "g-xml",
      "then another",
    );
    assert.equal(records.actedOn(remove, WRITE_REQUESTS.xml, creates, "id", "groupid"), "g-xml");
    const other = { ...WRITE_REQUESTS.json, authorization: "Bearer other" };
    assert.equal(
      records.actedOn(remove, other, creates, "id", "groupid"),
      undefined,
      "a request of no write format",
    );
    assert.equal(
      records.actedOn(remove, WRITE_REQUESTS.default, creates, "id", "groupid"),
      undefined,
      "none made",
    );
    const child = { ...creates, id: "create-member" };
    assert.equal(
      records.actedOn(child, WRITE_REQUESTS.json, creates, "id", "groupid"),
      "g-form",
      "the form body's",
    );
    assert.equal(
      records.actedOn(child, WRITE_REQUESTS.json, creates, "id", "groupid"),
      "g-form",
      "for every child",
    );
    assert.equal(made.length, 3);
  });

  test("a write that removes one placeholder's record (removes: fileid, a file moved into a folder) takes that one alone", () => {
    const { records } = createdRecords();
    const move = { ...update, id: "move", key: "group.move", removes: "groupid" };
    assert.equal(records.actedOn(move, WRITE_REQUESTS.json, creates, "id", "folderid"), "g-json");
    assert.equal(
      records.actedOn(move, WRITE_REQUESTS.json, creates, "id", "folderid"),
      "g-json",
      "not taken",
    );
    assert.equal(records.actedOn(move, WRITE_REQUESTS.json, creates, "id", "groupid"), "g-json");
    assert.equal(
      records.actedOn(move, WRITE_REQUESTS.json, creates, "id", "groupid"),
      undefined,
      "taken once",
    );
  });

  test("every record a create made is ledgered; those no delete check removed are undone with the test", async () => {
    const { records, ledger } = createdRecords();
    const removed = records.actedOn(remove, WRITE_REQUESTS.json, creates, "id", "groupid");
    ledger.removed("DELETE", `api/2.0/group/${removed}.json`);
    const undone: string[] = [];
    const client = {
      send: async (spec: RequestSpec) => {
        undone.push(`${spec.method} ${spec.path}`);
        return {
          request: { method: spec.method, url: spec.path, headers: {} },
          ms: 0,
          response: { status: 200 },
        };
      },
    } as unknown as WorkspaceClient;
    assert.deepEqual(await ledger.undoAll(client), []);
    assert.deepEqual(undone, ["DELETE api/2.0/group/g-form.json", "DELETE api/2.0/group/g-xml.json"]);
  });

  test("a record made for one request that the request removes (removes: groupid) may answer its undo with a 4xx; one it does not may not", async () => {
    const ledger = new Ledger();
    const records = new CreatedRecords(ledger, keyed);
    const move = { ...update, id: "move", key: "group.move", removes: "groupid" };
    const taken = createdAnswer({ id: "g-taken", name: "wc-test-1" });
    const kept = createdAnswer({ id: "g-kept", name: "wc-test-2" });
    records.add(creates, WRITE_REQUESTS.json, taken);
    records.add(creates, WRITE_REQUESTS.json, kept);
    records.madeFor(move, "groupid", taken);
    records.madeFor(move, "folderid", kept);
    records.add(move, WRITE_REQUESTS.json, createdAnswer({ id: "g-taken" }));
    const client = {
      send: async (spec: RequestSpec) => ({
        request: { method: spec.method, url: spec.path, headers: {} },
        ms: 0,
        response: { status: 403, headers: {}, body: "" },
      }),
    } as unknown as WorkspaceClient;
    const problems = await ledger.undoAll(client);
    assert.equal(problems.length, 1, problems.join("\n"));
    assert.match(problems[0], /g-kept/);
  });

  test("a create whose answer has no id to undo it by is reported, never left silently", async () => {
    const ledger = new Ledger();
    const records = new CreatedRecords(ledger, keyed);
    records.add(creates, WRITE_REQUESTS.json, createdAnswer({ name: "wc-test-1" }));
    assert.equal(records.actedOn(remove, WRITE_REQUESTS.json, creates, "id", "groupid"), undefined);
    const problems = await ledger.undoAll({} as WorkspaceClient);
    assert.match(problems[0], /group\.create created a record, but its groupid could not be read to undo it/);
  });
});

const creates: Operation = { ...create, undo: { operation: "delete", params: { groupid: "id" } } };
const keyed = new Map([get, list, creates, update, remove].map((op) => [op.key, op]));

function createdAnswer(response: unknown): ReadResponse {
  return {
    exchange: { request: { method: "POST", url: "", headers: {} }, ms: 0 },
    status: 201,
    format: "json",
    value: { status: 0, response },
  };
}

/** A test's create, made in JSON, XML and with a form body (its default-format request not sent). */
function createdRecords() {
  const ledger = new Ledger();
  const records = new CreatedRecords(ledger, keyed);
  const made = [
    [WRITE_REQUESTS.json, "g-json"],
    [WRITE_REQUESTS.xml, "g-xml"],
    [{ suffix: "json", bodyKind: "form" }, "g-form"],
  ] as const;
  for (const [variation, id] of made)
    records.add(creates, variation, createdAnswer({ id, name: "wc-test-1" }));
  return { records, ledger, made };
}
