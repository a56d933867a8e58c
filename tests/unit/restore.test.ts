import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checksOf, runCheck } from "../../helpers/checks/index";
import { successRequest } from "../../helpers/checks/requests";
import { handBack, pick, restoreChecks } from "../../helpers/checks/restore";
import { SharedReads } from "../../helpers/checks/shared-reads";
import type { Operation } from "../../helpers/contract/contract";
import { effectRefusal, type WritePolicy } from "../../helpers/contract/effects";
import { bodyData, type Exchange, type RequestSpec, type WorkspaceClient } from "../../helpers/http/client";
import { Ledger } from "../../helpers/run/ledger";
import { testOperation, testRunner } from "../support/operation";

const read = testOperation("settings", "tips", { path: "api/2.0/settings/tips" });
const write = testOperation("settings", "tips-update", {
  method: "PUT",
  path: "api/2.0/settings/tips",
  body: { show: false, secretKey: "new" },
  reflects: { show: false },
  readBack: { operation: "tips" },
  restore: { read: "tips", body: { show: "show", secretKey: "secretKey" } },
});
const operations = new Map([read, write].map((op) => [op.key, op]));

/**
 * A deployment of one setting: its GET answers it, its PUT sets it from the JSON body. `keepsFirst`:
 * it keeps the first value written and ignores every later write (the reference's restore-ignored).
 */
function deployment(keepsFirst = false) {
  let setting: Record<string, unknown> = { show: true, secretKey: "old" };
  let writes = 0;
  const sent: string[] = [];
  const client = {
    refuseForbiddenWrite: () => undefined,
    send: async (spec: RequestSpec): Promise<Exchange> => {
      sent.push(`${spec.method} ${spec.path}`);
      if (spec.method === "PUT" && !(keepsFirst && writes++ > 0))
        setting = { ...setting, ...(bodyData(spec.body) as Record<string, unknown>) };
      const body = JSON.stringify({ status: 0, statusCode: 200, response: setting });
      const response = { status: 200, headers: { "content-type": "application/json" }, body };
      return { request: { method: spec.method, url: spec.path, headers: {} }, response, ms: 1 };
    },
  } as unknown as WorkspaceClient;
  return { client, sent, setting: () => setting };
}

const runner = (client: WorkspaceClient, ledger: Ledger, shared: SharedReads, writes?: WritePolicy) =>
  testRunner(client, [], writes ?? { allowWrites: true, disposable: true }, shared, { ledger, operations });

const [restored] = restoreChecks;

describe("settings-like writes: restore", () => {
  test("the setting is read once, before the first write; its restore is ledgered and undone at the end", async () => {
    const { client, sent, setting } = deployment();
    const ledger = new Ledger();
    const shared = new SharedReads(write.key);
    const ctx = runner(client, ledger, shared);
    const answer = await ctx.perform(write, successRequest(write));
    assert.deepEqual(answer.original?.body, { show: true, secretKey: "old" });
    assert.deepEqual(sent, ["GET api/2.0/settings/tips.json", "PUT api/2.0/settings/tips.json"]);
    await ctx.perform(write, { bodyKind: "form" });
    assert.equal(sent.filter((s) => s.startsWith("GET")).length, 1, "read once for all its requests");
    assert.deepEqual(setting(), { show: false, secretKey: "new" });
    assert.deepEqual(await ledger.undoAll(client), []);
    assert.deepEqual(setting(), { show: true, secretKey: "old" }, "set back by the ledger");
  });

  test("restored: sent back and read as it was passes; a deployment that ignores it fails, naming the value, no secret", async () => {
    const good = deployment();
    const passed = await runCheck(
      write,
      restored,
      runner(good.client, new Ledger(), new SharedReads(write.key)),
      [],
    );
    assert.equal(passed.outcome, "passed", passed.why);

    const stuck = deployment(true);
    const result = await runCheck(
      write,
      restored,
      runner(stuck.client, new Ledger(), new SharedReads(write.key)),
      [],
    );
    assert.equal(result.outcome, "failed");
    assert.match(
      result.why,
      /still differs in show, secretKey; set it back by hand: PUT api\/2\.0\/settings\/tips\.json with the body \{"show":true,/,
    );
    assert.doesNotMatch(result.why, /old/, "a secret member is never printed");
  });

  test("a setting that cannot be read is not written", async () => {
    const client = {
      refuseForbiddenWrite: () => undefined,
      send: async (spec: RequestSpec): Promise<Exchange> => ({
        request: { method: spec.method, url: spec.path, headers: {} },
        response: { status: 500, headers: {}, body: "" },
        ms: 1,
      }),
    } as unknown as WorkspaceClient;
    const result = await runCheck(
      write,
      checksOf("status")[0],
      runner(client, new Ledger(), new SharedReads(write.key)),
      [],
    );
    assert.equal(result.outcome, "failed");
    assert.match(
      result.why,
      /settings\.tips-update is not written: its current value could not be read to set it back/,
    );
  });

  test("pick: paths, a list's item by a member's value, a list's items with some members, the whole answer", () => {
    const answer = [
      { webItemId: "AB", users: [{ id: 1 }] },
      { webItemId: "cd", enabled: false },
    ];
    assert.equal(pick(answer, "[webItemId=ab].users[0].id"), 1);
    assert.equal(pick(answer, "[webItemId=CD].enabled"), false);
    assert.equal(pick(answer, "[webItemId=zz].enabled"), undefined);
    assert.equal(pick(answer, ""), answer);
    assert.equal(pick({ a: { b: 2 } }, "a.b"), 2);
    const ips = [
      { id: 7, ip: "192.0.2.1", forAdmin: false },
      { id: 8, ip: "192.0.2.2" },
    ];
    assert.deepEqual(pick(ips, "[]{ip,forAdmin}"), [
      { ip: "192.0.2.1", forAdmin: false },
      { ip: "192.0.2.2", forAdmin: null },
    ]);
    assert.deepEqual(pick({ list: [] }, "list[]{ip}"), []);
    assert.equal(pick({}, "list[]{ip}"), undefined);
  });

  test("handBack hides members named as secrets, and shows the rest", () => {
    const spec = { method: "PUT" as const, path: "api/2.0/x.json" };
    const shown = handBack({ body: { show: true, password: "p4ss", apiKey: "k" }, spec });
    assert.match(shown, /^PUT api\/2\.0\/x\.json with the body \{"show":true,"password":"\(hidden/);
    assert.doesNotMatch(shown, /p4ss|"k"/);
  });

  test("locksOut: refused against a deployment without WORKSPACE_ALLOW_SETTINGS_WRITES, with the reason", () => {
    const locking: Operation = { ...write, locksOut: true };
    const remote = { allowWrites: true, disposable: false };
    assert.match(effectRefusal(locking, remote) ?? "", /WORKSPACE_ALLOW_SETTINGS_WRITES=true as well/);
    assert.equal(effectRefusal(locking, { ...remote, allowSettingsWrites: true }), undefined);
    assert.equal(
      effectRefusal(locking, { allowWrites: true, disposable: true }),
      undefined,
      "the reference checks them all",
    );
    assert.equal(
      effectRefusal(write, remote),
      undefined,
      "a setting that locks nobody out needs no second opt-in",
    );
    assert.match(
      effectRefusal(locking, { allowWrites: false, disposable: false }) ?? "",
      /WORKSPACE_ALLOW_WRITES=true/,
    );
  });
});
