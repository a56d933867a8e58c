import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Api, jsonBody, reference } from "./support";

const response = <T>(answer: { body: { response?: unknown } }) => answer.body.response as T;

interface Audit {
  maxLifeTime: number;
  loginHistoryLifeTime: number;
  auditTrailLifeTime: number;
}
interface Impersonation {
  enabled: boolean;
  enableType: number;
  allowedAdmins: string[] | null;
}

describe("generic engine: settings keep state", () => {
  let api: Api;
  before(async () => {
    api = await reference();
  });
  after(() => api.close());

  test("a write changes what the read answers; written back as it was, the run leaves nothing", async () => {
    const path = "security/audit/settings/lifetime.json";
    const fresh = response<Audit>(await api.json(path));
    const changed = { loginHistoryLifeTime: 180, auditTrailLifeTime: 120 };
    const answer = await api.json(path, jsonBody("POST", { settings: changed }));
    assert.deepEqual(response<Audit>(answer), { ...fresh, ...changed }, "the setting as written");
    assert.deepEqual(response<Audit>(await api.json(path)), { ...fresh, ...changed });
    assert.deepEqual(api.running.dataChanges(), [
      `setting security/security/audit/settings/lifetime: ${JSON.stringify({ ...fresh, ...changed })}, was ${JSON.stringify(fresh)}`,
    ]);
    const form = { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" } };
    const body = `settings[loginHistoryLifeTime]=${fresh.loginHistoryLifeTime}&settings[auditTrailLifeTime]=${fresh.auditTrailLifeTime}`;
    assert.equal((await api.json(path, { ...form, body })).status, 200, "a form body too");
    assert.deepEqual(response<Audit>(await api.json(path)), fresh);
    assert.deepEqual(api.running.dataChanges(), [], "set back: nothing changed");
  });

  test("a write that replaces resets what it leaves out; a list none was sent for is null", async () => {
    const path = "security/impersonate/settings.json";
    const sent = { enable: true, enableType: 1, onlyForOwnGroups: false, allowedAdmins: ["a", "b"] };
    assert.deepEqual(response<Impersonation>(await api.json(path, jsonBody("PUT", sent))).allowedAdmins, [
      "a",
      "b",
    ]);
    const replaced = response<Impersonation>(
      await api.json(path, jsonBody("PUT", { enable: true, enableType: 2 })),
    );
    assert.deepEqual([replaced.enableType, replaced.allowedAdmins], [2, null]);
    await api.json(path, jsonBody("PUT", { enable: false, enableType: 0, onlyForOwnGroups: false }));
    assert.deepEqual(api.running.dataChanges(), []);
  });
});
