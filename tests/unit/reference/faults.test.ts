import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FAULTS } from "../../../reference";
import { AUTH_FAULT_CHECKS } from "./auth-faults";
import { RATE_LIMIT_FAULT_CHECKS } from "./rate-limit-faults";
import { ADMIN_BASIC, type Api, jsonBody, reference, SEED } from "./support";

const auth = { Authorization: ADMIN_BASIC };

async function get(api: Api, path: string, headers: Record<string, string> = {}) {
  const response = await api.fetch(path, { headers: { ...auth, ...headers } });
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    body: await response.text(),
  };
}

/** Each fault's one visible deviation, plus a control showing the neighbouring rule still holds. */
const CHECKS: Record<keyof typeof FAULTS, (api: Api) => Promise<void>> = {
  "json-by-default": async (api) => {
    assert.match((await get(api, "people/@self")).body, /^\{/);
    assert.match((await get(api, "people/@self", { Accept: "application/xml" })).body, /^<result>/);
  },
  "json-suffix-ignored": async (api) => {
    assert.match((await get(api, "people/@self.json")).body, /^<result>/);
    assert.match((await get(api, "people/@self.xml", { Accept: "application/json" })).body, /^<result>/);
  },
  "xml-suffix-ignored": async (api) => {
    assert.match((await get(api, "people/@self.xml", { Accept: "application/json" })).body, /^\{/);
    assert.match((await get(api, "people/@self.json")).body, /^\{/);
  },
  "accept-ignored": async (api) => {
    assert.match((await get(api, "people/@self", { Accept: "application/json" })).body, /^<result>/);
    assert.match((await get(api, "people/@self.json")).body, /^\{/);
  },
  "accept-q-values-ignored": async (api) => {
    const accept = "application/xml;q=0.4, application/json;q=0.9";
    assert.match((await get(api, "people/@self", { Accept: accept })).body, /^<result>/);
    assert.match((await get(api, "people/@self", { Accept: "application/json" })).body, /^\{/);
  },
  "wrong-json-content-type": async (api) => {
    assert.equal((await get(api, "people/@self.json")).type, "text/plain; charset=utf-8");
    assert.equal((await get(api, "people/@self.xml")).type, "application/xml; charset=utf-8");
  },
  "json-labelled-html": async (api) => {
    const json = await get(api, "people/@self.json");
    assert.deepEqual([json.type, JSON.parse(json.body).statusCode], ["text/html; charset=utf-8", 200]);
    assert.equal((await get(api, "people/@self.xml")).type, "application/xml; charset=utf-8");
  },
  "malformed-xml": async (api) => {
    const { body } = await get(api, "people/@self.xml");
    assert.ok(body.startsWith("<result>") && !body.endsWith("</result>"));
  },
  "xml-json-disagree": async (api) => {
    const json = (await get(api, "settings/version/build.json")).body;
    assert.match(json, /"communityServer":"12\.7\.1"/);
    const xml = (await get(api, "settings/version/build.xml")).body;
    assert.ok(xml.endsWith("</result>"));
    assert.match(xml, /<communityServer>12\.7\.1 \(XML\)<\/communityServer><documentServer>8\.2\.2</);
    assert.match((await get(api, "capabilities.json")).body, /"ldapEnabled":false/);
    assert.match(
      (await get(api, "capabilities.xml")).body,
      /<ldapEnabled>true<\/ldapEnabled><oauthEnabled>false</,
    );
  },
  "create-returns-200": async (api) => {
    const created = await api.json("group.json", jsonBody("POST", { groupName: "Two hundred" }));
    assert.deepEqual([created.status, created.body.statusCode], [200, 200]);
    const login = await api.fetch("authentication.json", {
      ...jsonBody("POST", { userName: "administrator", password: "reference-admin-pass" }),
    });
    assert.equal(login.status, 201);
  },
  "not-found-returns-200": async (api) => {
    const missing = await api.json("people/nobody.json");
    assert.deepEqual([missing.status, missing.body], [200, { status: 0, statusCode: 200, response: {} }]);
    assert.equal((await api.json("no/such/route.json")).status, 404);
  },
  "not-found-returns-500": async (api) => {
    const missing = await api.json("group/00000000-0000-0000-0000-0000000000ff.json");
    assert.deepEqual([missing.status, missing.body.statusCode], [500, 500]);
  },
  "not-found-without-envelope": async (api) => {
    const missing = await get(api, "files/folder/424242.json");
    assert.deepEqual(
      [missing.status, missing.type, missing.body],
      [404, "text/plain; charset=utf-8", "Not Found"],
    );
  },
  "files-not-found-returns-403": async (api) => {
    const folder = "The required folder was not found";
    const file = "The required file was not found";
    // The hand-written folder routes and the generic file reads alike.
    const answers = {
      "files/424242": folder,
      "files/folder/424242": folder,
      "files/file/424242": file,
      "files/424242/properties": file,
    };
    for (const [path, message] of Object.entries(answers)) {
      const missing = await api.json(`${path}.json`);
      assert.deepEqual(
        [missing.status, missing.body.statusCode, missing.body.error?.message],
        [403, 403, message],
      );
    }
    assert.equal((await api.json("people/nobody.json")).status, 404);
  },
  "person-missing-display-name": async (api) => {
    assert.doesNotMatch((await get(api, "people/@self.xml")).body, /displayName/);
    const group = await api.json(`group/${SEED.groups.development}.json`);
    const members = (group.body.response as { members: Record<string, unknown>[] }).members;
    assert.ok(members.every((member) => !("displayName" in member) && "profileUrl" in member));
  },
  "record-missing-required-member": async (api) => {
    const project = (await api.json("project/101.json")).body.response as Record<string, unknown>;
    assert.ok(!("canEdit" in project) && "canDelete" in project);
    assert.match((await get(api, "people/@self.xml")).body, /<displayName>/);
  },
  "record-null-where-forbidden": async (api) => {
    const project = (await api.json("project/101.json")).body.response as Record<string, unknown>;
    assert.deepEqual([project.canEdit, typeof project.canDelete], [null, "boolean"]);
    assert.match((await get(api, "project/101.xml")).body, /<canEdit\/><canDelete>/);
    assert.match((await get(api, "people/@self.xml")).body, /<displayName>/);
  },
  "envelope-status-as-string": async (api) => {
    assert.equal((await api.json("people/@self.json")).body.status, "ok");
    assert.match((await get(api, "people/@self.xml")).body, /<status>ok<\/status>/);
    assert.equal((await api.json("people/nobody.json")).body.status, 1);
  },
  "form-body-ignored": async (api) => {
    const form = await api.json("group.json", {
      method: "POST",
      body: new URLSearchParams({ groupName: "Form" }),
    });
    assert.equal(form.status, 400);
    assert.equal((await api.json("group.json", jsonBody("POST", { groupName: "Json" }))).status, 201);
  },
  "json-body-ignored": async (api) => {
    assert.equal((await api.json("group.json", jsonBody("POST", { groupName: "Json" }))).status, 400);
    const form = await api.json("group.json", {
      method: "POST",
      body: new URLSearchParams({ groupName: "Form" }),
    });
    assert.equal(form.status, 201);
  },
  "delete-returns-204": async (api) => {
    const response = await api.fetch(`group/${SEED.groups.marketing}.json`, {
      method: "DELETE",
      headers: auth,
    });
    assert.deepEqual([response.status, await response.text()], [204, ""]);
  },
  "create-not-stored": async (api) => {
    for (const [path, id] of [
      ["community/blog", "blog"],
      ["group", "group"],
    ] as const) {
      const body = id === "blog" ? { title: "Kept?", content: "No." } : { groupName: "Kept?" };
      const created = await api.json(`${path}.json`, jsonBody("POST", body));
      assert.equal(created.status, 201, "answered as created");
      const record = created.body.response as { id: string };
      assert.equal((await api.json(`${path}/${record.id}.json`)).status, 404, `${id}: not stored`);
    }
  },
  "update-ignored": async (api) => {
    const post = (await api.json("community/blog.json", jsonBody("POST", { title: "Before", content: "x" })))
      .body.response as { id: string };
    const updated = await api.json(
      `community/blog/${post.id}.json`,
      jsonBody("PUT", { title: "After", content: "x" }),
    );
    assert.deepEqual([updated.status, (updated.body.response as { title: string }).title], [200, "After"]);
    const read = await api.json(`community/blog/${post.id}.json`);
    assert.equal((read.body.response as { title: string }).title, "Before", "the update is not kept");
    const group = await api.json(
      `group/${SEED.groups.marketing}.json`,
      jsonBody("PUT", { groupName: "Renamed" }),
    );
    assert.equal((group.body.response as { name: string }).name, "Renamed");
    const groupRead = await api.json(`group/${SEED.groups.marketing}.json`);
    assert.notEqual(
      (groupRead.body.response as { name: string }).name,
      "Renamed",
      "the group's update is not kept",
    );
  },
  "restore-ignored": async (api) => {
    const path = "settings/security/password.json";
    const before = (await api.json(path)).body.response as { minLength: number };
    const body = { maxLength: 64, upperCase: false, digits: false, specSymbols: false };
    const first = await api.json(path, jsonBody("PUT", { ...body, minLength: 12 }));
    assert.deepEqual([first.status, (first.body.response as { minLength: number }).minLength], [200, 12]);
    assert.equal(
      ((await api.json(path)).body.response as { minLength: number }).minLength,
      12,
      "the first write is kept",
    );
    const back = await api.json(path, jsonBody("PUT", { ...body, minLength: before.minLength }));
    assert.equal(back.status, 200);
    const read = (await api.json(path)).body.response as { minLength: number };
    assert.equal(read.minLength, 12, "the write back is ignored");
  },
  "delete-does-nothing": async (api) => {
    const post = (await api.json("community/blog.json", jsonBody("POST", { title: "Stays", content: "x" })))
      .body.response as { id: string };
    assert.equal((await api.json(`community/blog/${post.id}.json`, { method: "DELETE" })).status, 200);
    assert.equal((await api.json(`community/blog/${post.id}.json`)).status, 200, "the post is still there");
    assert.equal((await api.json(`group/${SEED.groups.marketing}.json`, { method: "DELETE" })).status, 200);
    assert.equal(
      (await api.json(`group/${SEED.groups.marketing}.json`)).status,
      200,
      "the group is still there",
    );
  },
  "refused-write-kept": async (api) => {
    const refused = await api.fetch("group.json", {
      ...jsonBody("POST", { groupName: "Refused" }),
    });
    assert.equal(refused.status, 401, "refused");
    const groups = (await api.json("group.json")).body.response as { name: string }[];
    assert.ok(
      groups.some((group) => group.name === "Refused"),
      "yet written",
    );
    const read = await api.fetch("people/@self.json");
    assert.equal(read.status, 401, "a read without credentials is refused as before");
  },
  ...AUTH_FAULT_CHECKS,
  ...RATE_LIMIT_FAULT_CHECKS,
};

describe("faults: each breaks exactly its rule", () => {
  test("every fault has a check", () => {
    assert.deepEqual(Object.keys(CHECKS).sort(), Object.keys(FAULTS).sort());
  });
  for (const [name, check] of Object.entries(CHECKS)) {
    test(name, async () => {
      const api = await reference({ faults: [name] });
      try {
        await check(api);
      } finally {
        await api.close();
      }
    });
  }
});
