import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { formEncode } from "../../../helpers/http/client";
import { ADMIN_BASIC, type Api, jsonBody, reference, SEED } from "./support";

describe("seeded resources and their wire shapes", () => {
  let api: Api;
  before(async () => {
    api = await reference();
  });
  after(() => api.close());

  test("XML: <result> root, no declaration, repeated elements, empty arrays absent, null empty", async () => {
    const response = await api.fetch("people/james.carter", { headers: { Authorization: ADMIN_BASIC } });
    const xml = await response.text();
    assert.ok(
      xml.startsWith("<result><count>1</count><status>0</status><statusCode>200</statusCode><response>"),
    );
    assert.ok(xml.endsWith("</response></result>"));
    assert.equal(xml.match(/<contacts>/g)?.length, 2);
    assert.match(xml, /<terminated\/>/);
    assert.match(xml, /<isAdmin>false<\/isAdmin>/);
    assert.doesNotMatch(xml, /listAdminModules/);
    const people = await (await api.fetch("people", { headers: { Authorization: ADMIN_BASIC } })).text();
    assert.equal(people.match(/<response>/g)?.length, 5);
    const capabilities = await (await api.fetch("capabilities")).text();
    assert.doesNotMatch(capabilities, /providers/);
    assert.match(capabilities, /<ssoLabel\/>/);
  });

  test("person: EmployeeWraperFull with ApiDateTime and omitted empties", async () => {
    const { body } = await api.json(`people/${SEED.users.jamesCarter}.json`);
    const person = body.response as Record<string, unknown>;
    assert.equal(person.userName, "james.carter");
    assert.equal(person.displayName, "James Carter");
    assert.equal(person.birthday, "1985-04-12T00:00:00.0000000Z");
    assert.equal(person.terminated, null);
    assert.equal(person.status, 1);
    assert.equal("notes" in person, false);
    assert.match(
      String(person.profileUrl),
      /^http:\/\/127\.0\.0\.1:\d+\/Products\/People\/Profile\.aspx\?user=james\.carter$/,
    );
  });

  test("lookups: @self, email, search, @search", async () => {
    assert.equal(((await api.json("people/@self.json")).body.response as { isOwner: boolean }).isOwner, true);
    const byEmail = await api.json("people/email.json?email=li.wei@reference.test");
    assert.equal((byEmail.body.response as { id: string }).id, SEED.users.liWei);
    assert.equal((await api.json("people/email.json?email=nobody@reference.test")).status, 404);
    assert.equal((await api.json("people/search.json?query=GONZ")).body.count, 1);
    assert.equal((await api.json("people/@search/wei.json")).body.count, 1);
  });

  test("paging: count and startIndex", async () => {
    const { body } = await api.json("people.json?count=2&startIndex=2");
    assert.deepEqual(
      [body.count, body.startIndex, body.total, (body.response as unknown[]).length],
      [2, 2, 5, 2],
    );
    const all = await api.json("group.json");
    assert.equal(all.body.count, 3);
    assert.equal("total" in all.body, false);
  });

  test("404, 400 and 405 envelopes", async () => {
    const unknownUser = await api.json("people/nobody.json");
    assert.deepEqual([unknownUser.status, unknownUser.body.error?.message], [404, "User not found"]);
    const badGroup = await api.json("group/not-a-guid.json");
    assert.deepEqual([badGroup.status, badGroup.body.error?.message], [400, "Invalid arguments"]);
    const unknownGroup = await api.json("group/00000000-0000-0000-0000-0000000000ff.json");
    assert.deepEqual([unknownGroup.status, unknownGroup.body.error?.message], [404, "group not found"]);
    assert.equal((await api.json("files/abc.json")).status, 400);
    assert.equal((await api.json("files/folder/99999.json")).body.error?.message, "Folder not found");
    const wrongVerb = await api.json("capabilities.json", { method: "DELETE" });
    assert.deepEqual([wrongVerb.status, wrongVerb.body.statusCode], [405, 405]);
    const outside = await fetch(api.url("").replace("api/2.0/", "elsewhere"));
    assert.deepEqual([outside.status, await outside.text()], [404, "Not Found"]);
  });

  test("bad bodies: malformed JSON, missing field, unknown type -> 400; too large -> 413", async () => {
    const malformed = await api.json("group.json", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{",
    });
    assert.equal(malformed.status, 400);
    assert.equal((await api.json("group.json", jsonBody("POST", { members: [] }))).status, 400);
    const plain = await api.json("group.json", {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: "x",
    });
    assert.equal(plain.status, 400);
    const large = await api.json("group.json", jsonBody("POST", { groupName: "x".repeat(1_100_000) }));
    assert.deepEqual([large.status, large.body.statusCode], [413, 413]);
    assert.equal((await api.json("capabilities.json")).status, 200, "the server survives");
  });

  test("people: create 201, duplicate 400, update 200, delete 200 once suspended, admin not deletable", async () => {
    const created = await api.json(
      "people.json",
      jsonBody("POST", {
        FirstName: "Nina",
        lastname: "Berg",
        email: "nina.berg@reference.test",
        sex: "female",
      }),
    );
    assert.deepEqual([created.status, created.body.statusCode], [201, 201]);
    const nina = created.body.response as { id: string; userName: string; displayName: string };
    assert.deepEqual([nina.userName, nina.displayName], ["nina.berg", "Nina Berg"]);
    const duplicate = await api.json("people.json", jsonBody("POST", { email: "nina.berg@reference.test" }));
    assert.equal(duplicate.status, 400);
    assert.equal((await api.json("people.json", jsonBody("POST", { firstname: "No" }))).status, 400);
    const updated = await api.json(`people/${nina.id}.json`, jsonBody("PUT", { title: "Analyst" }));
    assert.deepEqual([updated.status, (updated.body.response as { title: string }).title], [200, "Analyst"]);
    const contacts = (answer: { body: { response?: unknown } }) =>
      (answer.body.response as { contacts?: unknown }).contacts;
    const form = {
      method: "PUT",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: formEncode({
        contacts: [
          { Type: "skype", Value: "nina" },
          { Type: "phone", Value: "1" },
        ],
      }),
    };
    assert.deepEqual(contacts(await api.json(`people/${nina.id}/contacts.json`, form)), [
      { type: "skype", value: "nina" },
      { type: "phone", value: "1" },
    ]);
    const removed = await api.json(
      `people/${nina.id}/contacts.json`,
      jsonBody("DELETE", { contacts: [{ Type: "skype", Value: "" }] }),
    );
    assert.deepEqual(contacts(removed), [{ type: "phone", value: "1" }], "the types sent are removed");
    const active = await api.json(`people/${nina.id}.json`, { method: "DELETE" });
    assert.equal(
      active.status,
      500,
      "DeleteMember refuses a user who is not suspended (EmployeeApi.cs:861-862)",
    );
    const suspended = await api.json(
      "people/status/Terminated.json",
      jsonBody("PUT", { userIds: [nina.id] }),
    );
    assert.deepEqual(
      [suspended.status, (suspended.body.response as { status: number }[])[0]?.status],
      [200, 2],
    );
    const suspendedEdit = await api.json(`people/${nina.id}.json`, jsonBody("PUT", { title: "x" }));
    assert.equal(suspendedEdit.status, 500, "UpdateMember refuses a suspended user");
    const deleted = await api.json(`people/${nina.id}.json`, { method: "DELETE" });
    assert.deepEqual([deleted.status, (deleted.body.response as { id: string }).id], [200, nina.id]);
    const again = await api.json("people/status/2.json", jsonBody("PUT", { userIds: [nina.id] }));
    assert.deepEqual([again.status, again.body.response], [200, []], "a user no more is left out");
    assert.equal((await api.json(`people/${nina.id}.json`)).status, 404);
    assert.equal((await api.json("people/administrator.json", { method: "DELETE" })).status, 403);
  });

  test("people: only admins create", async () => {
    const response = await api.fetch("people.json", {
      ...jsonBody("POST", { email: "x@reference.test" }),
      headers: {
        "Content-Type": "application/json",
        Authorization: `Bearer ${await api.login("li.wei", "reference-user-pass")}`,
      },
    });
    assert.equal(response.status, 403);
  });

  test("groups: create from a form with repeated members, rename, delete without members", async () => {
    const form = new URLSearchParams([
      ["groupName", "QA"],
      ["groupManager", SEED.users.liWei],
      ["members", SEED.users.sarahOConnor],
      ["members", SEED.users.jamesCarter],
    ]);
    const created = await api.json("group.json", { method: "POST", body: form });
    assert.equal(created.status, 201);
    const group = created.body.response as { id: string; members: unknown[]; manager: { id: string } };
    assert.deepEqual([group.members.length, group.manager.id], [3, SEED.users.liWei]);
    const renamed = await api.json(`group/${group.id}.json`, jsonBody("PUT", { groupName: "Quality" }));
    assert.equal((renamed.body.response as { name: string }).name, "Quality");
    const deleted = await api.json(`group/${group.id}.json`, { method: "DELETE" });
    assert.equal(deleted.status, 200);
    assert.equal("members" in (deleted.body.response as object), false);
  });

  test("files: contents, folder, create 201, rename, delete subtree 200, roots protected", async () => {
    const my = await api.json("files/@my.json");
    const content = my.body.response as {
      folders: unknown[];
      files: unknown[];
      pathParts: number[];
      count: number;
    };
    assert.deepEqual(
      [content.folders.length, content.files.length, content.pathParts, my.body.count],
      [2, 3, [101], 5],
    );
    assert.equal(
      ((await api.json("files/@common.json")).body.response as { files: unknown[] }).files.length,
      2,
    );
    const nested = await api.json(`files/${SEED.folders.archive}.json`);
    assert.deepEqual((nested.body.response as { pathParts: number[] }).pathParts, [101, 103, 105]);
    const created = await api.json(
      `files/folder/${SEED.folders.archive}.json`,
      jsonBody("POST", { title: "Deep" }),
    );
    assert.equal(created.status, 201);
    const folder = created.body.response as { id: number; parentId: number };
    assert.equal(folder.parentId, SEED.folders.archive);
    assert.equal(
      (await api.json(`files/folder/${SEED.folders.archive}.json`, jsonBody("POST", { title: "" }))).status,
      400,
    );
    assert.equal((await api.json("files/folder/424242.json", jsonBody("POST", { title: "x" }))).status, 404);
    const renamed = await api.json(`files/folder/${folder.id}.json`, jsonBody("PUT", { title: "Deeper" }));
    assert.equal((renamed.body.response as { title: string }).title, "Deeper");
    const deleted = await api.json(`files/folder/${SEED.folders.projects}.json`, { method: "DELETE" });
    assert.equal(deleted.status, 200);
    assert.equal((deleted.body.response as { finished: boolean }[])[0]?.finished, true);
    assert.equal((await api.json(`files/folder/${folder.id}.json`)).status, 404);
    assert.equal((await api.json(`files/folder/${SEED.folders.my}.json`, { method: "DELETE" })).status, 403);
  });

  test("anonymous operations and the portal", async () => {
    const build = await api.fetch("settings/version/build.json");
    assert.deepEqual(
      ((await build.json()) as { response: { communityServer: string } }).response.communityServer,
      "12.7.1",
    );
    const portal = await api.json("portal.json");
    assert.equal((portal.body.response as { ownerId: string }).ownerId, SEED.users.administrator);
    assert.equal((await api.fetch("portal.json")).status, 401);
  });
});
