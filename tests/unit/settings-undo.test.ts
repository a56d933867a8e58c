import assert from "node:assert/strict";
import { test } from "node:test";
import type { Exchange, RequestSpec, WorkspaceClient } from "../../helpers/http/client";
import { Ledger } from "../../helpers/run/ledger";
import { testOperation, testRunner } from "../support/operation";

// A setting's write (specs/files.yaml): it sets the value other than the default, its undo sets the
// default back through the query, the ledger's undo sending no body.
const restore = testOperation("files", "store-original-on", {
  method: "PUT",
  path: "api/2.0/files/storeoriginal",
  query: { set: true },
});
const write = testOperation("files", "store-original-off", {
  method: "PUT",
  path: "api/2.0/files/storeoriginal",
  body: { set: false },
  undo: { operation: "store-original-on", params: {} },
});

function deployment(status: number) {
  const sent: RequestSpec[] = [];
  const client = {
    async send(spec: RequestSpec): Promise<Exchange> {
      sent.push(spec);
      const body = JSON.stringify({ status: 0, statusCode: status, response: spec.query?.set ?? false });
      return {
        request: { method: spec.method, url: spec.path, headers: {} },
        response: { status, headers: { "content-type": "application/json" }, body },
        ms: 0,
      };
    },
    refuseForbiddenWrite() {},
  } as unknown as WorkspaceClient;
  return { client, sent };
}

function runner(client: WorkspaceClient, ledger: Ledger) {
  const operations = new Map([write, restore].map((op) => [op.key, op]));
  return testRunner(client, [], { allowWrites: true, disposable: false }, undefined, { ledger, operations });
}

test("a PUT with an undo is undone like a create: the undo's request is sent when the test ends", async () => {
  const { client, sent } = deployment(200);
  const ledger = new Ledger();
  await runner(client, ledger).perform(write, { suffix: "json" });
  assert.deepEqual(await ledger.undoAll(client), []);
  assert.deepEqual(
    sent.map(({ method, path, query, body }) => ({ method, path, query, body })),
    [
      {
        method: "PUT",
        path: "api/2.0/files/storeoriginal.json",
        query: {},
        body: { kind: "json", data: { set: false } },
      },
      { method: "PUT", path: "api/2.0/files/storeoriginal.json", query: { set: true }, body: undefined },
    ],
  );
});

test("a PUT that failed changed nothing: there is nothing to undo", async () => {
  const { client, sent } = deployment(500);
  const ledger = new Ledger();
  await runner(client, ledger).perform(write, { suffix: "json" });
  assert.deepEqual(await ledger.undoAll(client), []);
  assert.equal(sent.length, 1);
});
