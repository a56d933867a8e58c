import assert from "node:assert/strict";
import { test } from "node:test";
import type { Exchange, RequestSpec, WorkspaceClient } from "../../helpers/http/client";
import { Ledger } from "../../helpers/run/ledger";

/** A client that records what it is asked to send and answers each path with a given status. */
function clientAnswering(statusFor: (spec: RequestSpec) => number) {
  const sent: string[] = [];
  const client = {
    async send(spec: RequestSpec): Promise<Exchange> {
      sent.push(`${spec.method} ${spec.path}`);
      return {
        request: { method: spec.method, url: spec.path, headers: {} },
        response: { status: statusFor(spec), headers: {}, body: "" },
        ms: 0,
      };
    },
  } as unknown as WorkspaceClient;
  return { client, sent };
}

test("undo runs newest first; a record already gone (404) counts as undone, anything else is reported", async () => {
  const ledger = new Ledger();
  ledger.add("group a", { method: "DELETE", path: "api/2.0/group/a.json" });
  ledger.add("group b", { method: "DELETE", path: "api/2.0/group/b.json" });
  ledger.add("group c", { method: "DELETE", path: "api/2.0/group/c.json" });
  const { client, sent } = clientAnswering((spec) =>
    spec.path.includes("/b") ? 404 : spec.path.includes("/a") ? 500 : 200,
  );
  const problems = await ledger.undoAll(client);
  assert.deepEqual(sent, [
    "DELETE api/2.0/group/c.json",
    "DELETE api/2.0/group/b.json",
    "DELETE api/2.0/group/a.json",
  ]);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /could not undo group a .* status 500/);
});

test("a record the test deleted itself is not undone again, whatever suffix the delete used", async () => {
  const ledger = new Ledger();
  ledger.add("folder 7", { method: "DELETE", path: "api/2.0/files/folder/7.json" });
  ledger.add("folder 8", { method: "DELETE", path: "api/2.0/files/folder/8.json" });
  ledger.removed("DELETE", "api/2.0/files/folder/7.xml");
  ledger.removed("DELETE", "api/2.0/files/folder/9");
  // Workspace 12.x answers 403 for a folder that is gone: undoing folder 7 again would be reported.
  const { client, sent } = clientAnswering(() => 403);
  const problems = await ledger.undoAll(client);
  assert.deepEqual(sent, ["DELETE api/2.0/files/folder/8.json"]);
  assert.equal(problems.length, 1);
});

test("a record named in the query is matched with its query: removing one member leaves the other's undo", async () => {
  const ledger = new Ledger();
  const remove = (address: string): RequestSpec => ({
    method: "DELETE",
    path: "api/2.0/mailserver/groupaddress/addresses/remove.json",
    query: { mailgroup_id: "5", address_id: address },
  });
  ledger.add("member 1", remove("1"));
  ledger.add("member 2", remove("2"));
  ledger.removed("DELETE", "api/2.0/mailserver/groupaddress/addresses/remove.xml", remove("2").query);
  const members: unknown[] = [];
  const { client, sent } = clientAnswering((spec) => {
    members.push(spec.query?.address_id);
    return 200;
  });
  assert.deepEqual(await ledger.undoAll(client), []);
  assert.deepEqual(sent, ["DELETE api/2.0/mailserver/groupaddress/addresses/remove.json"]);
  assert.deepEqual(members, ["1"], "member 2's undo is gone, member 1's was sent");
});

test("a record named in the query (a CRM tag) is taken off the ledger only with its own query", async () => {
  const ledger = new Ledger();
  const tag = (name: string): RequestSpec => ({
    method: "DELETE",
    path: "api/2.0/crm/contact/tag.json",
    query: { tagName: name },
  });
  ledger.add("tag a", tag("a"));
  ledger.add("tag b", tag("b"));
  ledger.removed("DELETE", "api/2.0/crm/contact/tag", { tagName: "b" });
  const undone: unknown[] = [];
  const { client } = clientAnswering((spec) => {
    undone.push(spec.query);
    return 200;
  });
  assert.deepEqual(await ledger.undoAll(client), []);
  assert.deepEqual(undone, [{ tagName: "a" }], "tag a is undone, tag b (deleted by the test) is not");
});

test("an undo request two entries share is sent once: the second would find its record gone", async () => {
  const ledger = new Ledger();
  const removeCalendar: RequestSpec = { method: "DELETE", path: "api/2.0/calendar/12.json" };
  ledger.add("calendar 12", removeCalendar);
  ledger.add("calendar 13", { method: "DELETE", path: "api/2.0/calendar/13.json" });
  ledger.add("events imported into calendar 12", { ...removeCalendar });
  // Workspace 12.x answers a removed calendar's delete with 500 (CalendarApi.cs:5398-5399).
  const removed = new Set<string>();
  const { client, sent } = clientAnswering((spec) => {
    if (removed.has(spec.path)) return 500;
    removed.add(spec.path);
    return 200;
  });
  assert.deepEqual(await ledger.undoAll(client), []);
  assert.deepEqual(sent, ["DELETE api/2.0/calendar/12.json", "DELETE api/2.0/calendar/13.json"]);
});

test("a toggle's undo is sent once for each toggle: an even number of them leaves the setting as it was", async () => {
  const ledger = new Ledger();
  const toggle: RequestSpec = { method: "PUT", path: "api/2.0/settings/tips/change/subscription.json" };
  for (const format of ["json", "xml", "default"]) ledger.add(`tips toggled (${format})`, { ...toggle });
  const { client, sent } = clientAnswering(() => 200);
  assert.deepEqual(await ledger.undoAll(client), []);
  assert.equal(sent.length, 3, "three toggles, three toggles back");
});

test("a record a write took out may answer its undo with any 4xx (12.x: 403 for a file gone); another may not", async () => {
  const ledger = new Ledger();
  const removeFile = (id: number): RequestSpec => ({
    method: "DELETE",
    path: `api/2.0/files/file/${id}.json`,
  });
  ledger.add("file 1", removeFile(1));
  ledger.add("file 2", removeFile(2));
  ledger.expectGone("file 1");
  const { client } = clientAnswering(() => 403);
  assert.deepEqual(await ledger.undoAll(client), [
    "could not undo file 2 with DELETE api/2.0/files/file/2.json: status 403",
  ]);
});
