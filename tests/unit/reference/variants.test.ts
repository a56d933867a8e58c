import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { VARIANTS } from "../../../reference";
import { ADMIN_BASIC, type Api, reference } from "./support";

async function get(api: Api, path: string) {
  const response = await api.fetch(path, { headers: { Authorization: ADMIN_BASIC } });
  return { type: response.headers.get("content-type") ?? "", body: await response.text() };
}

/** What each variant looks like on the wire; the data itself stays the same. */
const CHECKS: Record<keyof typeof VARIANTS, (api: Api) => Promise<void>> = {
  "text-xml": async (api) => assert.equal((await get(api, "capabilities")).type, "text/xml; charset=UTF-8"),
  "charset-uppercase": async (api) => {
    assert.equal((await get(api, "capabilities.json")).type, "application/json; charset=UTF-8");
    assert.equal((await get(api, "capabilities")).type, "application/xml; charset=UTF-8");
  },
  "xml-declaration": async (api) =>
    assert.ok(
      (await get(api, "capabilities")).body.startsWith('<?xml version="1.0" encoding="utf-8"?><result>'),
    ),
  indented: async (api) => {
    assert.match((await get(api, "capabilities")).body, /^<result>\n {2}<count>1<\/count>/);
    assert.match((await get(api, "capabilities.json")).body, /^\{\n {2}"count": 1,/);
  },
  "key-order": async (api) => {
    const json = (await get(api, "capabilities.json")).body;
    assert.ok(json.startsWith('{"response":{"ssoUrl":""'), json);
    assert.deepEqual(JSON.parse(json).response.ldapEnabled, false);
    assert.ok((await get(api, "capabilities")).body.startsWith("<result><response><ssoUrl/>"));
  },
  "extra-fields": async (api) => {
    const json = JSON.parse((await get(api, "people/@self.json")).body) as Record<
      string,
      Record<string, unknown>
    >;
    assert.equal(typeof json["x-extra"], "string");
    assert.equal(typeof json.response?.["x-extra"], "string");
    assert.match((await get(api, "people/@self")).body, /<x-extra>[^<]+<\/x-extra><\/response>/);
    // A dictionary's keys are data (here bound to an enum by propertyNames): no member is added to it.
    const ldap = JSON.parse((await get(api, "settings/ldap/default.json")).body).response;
    assert.equal(typeof ldap["x-extra"], "string");
    assert.ok(Object.keys(ldap.ldapMapping).length > 0 && !("x-extra" in ldap.ldapMapping));
    assert.ok(!("x-extra" in ldap.accessRights));
  },
  "escaped-slashes": async (api) => {
    const json = (await get(api, "people/@self.json")).body;
    assert.match(json, /"profileUrl":"http:\\\/\\\/127\.0\.0\.1:\d+\\\/Products/);
    assert.match(JSON.parse(json).response.profileUrl, /^http:\/\/127\.0\.0\.1:\d+\/Products/);
  },
  sparse: async (api) => {
    // The answer keeps its records, each with its id and names; a nested list is kept only in the
    // first record, so a contract can still read `[0].groups[0].id` and find its records listed there.
    const people = JSON.parse((await get(api, "people.json")).body).response;
    assert.equal(people.length, 5);
    assert.deepEqual(
      people.map((person: { userName: string; groups?: unknown[] }) => [
        person.userName,
        person.groups?.length,
      ]),
      [
        ["administrator", 2],
        ["james.carter", undefined],
        ["maria.gonzalez", undefined],
        ["li.wei", undefined],
        ["sarah.oconnor", undefined],
      ],
      "an optional list is absent, but in the first record",
    );
    assert.equal(people[0].lastName, null, "a nullable member is null");
    const projects = JSON.parse((await get(api, "project/filter.json")).body).response;
    assert.deepEqual(
      projects.map((project: { taskCount: number }) => project.taskCount),
      [8, 0, 0],
      "counts are 0 where the lists are empty",
    );
    const folder = JSON.parse((await get(api, "files/@my.json")).body).response;
    assert.deepEqual(folder.pathParts, [], "an array is empty");
    assert.equal(folder.files[0].comment, null);
    const xml = (await get(api, "files/@my")).body;
    assert.ok(!xml.includes("<pathParts>") && xml.includes("<comment/>"), xml);
    assert.equal(xml.match(/<files>/g)?.length, 3, "the answer keeps its records in XML too");
  },
};

describe("variants show up on the wire", () => {
  test("every variant has a check", () => {
    assert.deepEqual(Object.keys(CHECKS).sort(), Object.keys(VARIANTS).sort());
  });
  for (const [name, check] of Object.entries(CHECKS)) {
    test(name, async () => {
      const api = await reference({ variants: [name] });
      try {
        await check(api);
      } finally {
        await api.close();
      }
    });
  }
});
