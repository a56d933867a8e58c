import assert from "node:assert/strict";
import type { AUTH_FAULTS } from "../../../reference/faults/auth";
import { type Api, basic, jsonBody, SEED } from "./support";

const LOGIN = { userName: "administrator", password: "reference-admin-pass" };

async function status(api: Api, path: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await api.fetch(path, { headers });
  await response.body?.cancel();
  return response.status;
}

async function signIn(api: Api) {
  const response = await api.fetch("authentication.json", jsonBody("POST", LOGIN));
  const body = (await response.json()) as {
    statusCode: number;
    response: { token: string; expires: string };
  };
  return { status: response.status, statusCode: body.statusCode, ...body.response };
}

/** Each auth fault's one visible deviation, plus a control showing the neighbouring rule still holds. */
export const AUTH_FAULT_CHECKS: Record<keyof typeof AUTH_FAULTS, (api: Api) => Promise<void>> = {
  "auth-not-enforced": async (api) => {
    const self = await api.fetch("people/@self.json");
    assert.equal(self.status, 200);
    assert.equal(((await self.json()) as { response: { id: string } }).response.id, SEED.users.administrator);
    assert.equal(await status(api, "people.json"), 401);
    assert.equal(await status(api, "people/@self.json", { Authorization: "not-a-token" }), 401);
  },
  "any-token-accepted": async (api) => {
    assert.equal(await status(api, "people/@self.json", { Authorization: "not-a-token" }), 200);
    assert.equal(await status(api, "group.json", { Authorization: "Bearer not-a-token" }), 200);
    assert.equal(await status(api, "people/@self.json", { Authorization: "" }), 401);
    assert.equal(await status(api, "people/@self.json"), 401);
    assert.equal(
      await status(api, "people/@self.json", { Authorization: basic("administrator", "wrong") }),
      401,
    );
  },
  "missing-credentials-403": async (api) => {
    assert.equal(await status(api, "people/@self.json"), 403);
    assert.equal(await status(api, "people/@self.json", { Authorization: "not-a-token" }), 401);
  },
  "login-returns-200": async (api) => {
    const login = await signIn(api);
    assert.deepEqual([login.status, login.statusCode], [200, 200]);
    assert.equal(await status(api, "people/@self.json", { Authorization: login.token }), 200);
    const created = await api.json("group.json", jsonBody("POST", { groupName: "Still 201" }));
    assert.equal(created.status, 201);
  },
  "token-expires-in-past": async (api) => {
    const login = await signIn(api);
    assert.equal(login.status, 201);
    assert.ok(Date.parse(login.expires) < Date.now(), login.expires);
    assert.equal(await status(api, "people/@self.json", { Authorization: login.token }), 200);
  },
};
