import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { schemaRegistry } from "../../../helpers/contract/schemas";
import type { ModuleData } from "../../../reference/generic/module-data";
import { Prng } from "../../../reference/generic/prng";
import { ModuleRecords } from "../../../reference/generic/records";
import { genericRoutes } from "../../../reference/generic/routes";
import { routeSchema } from "../../../reference/generic/schema-files";
import { synthesize } from "../../../reference/generic/synthesize";
import { MODULES } from "../../../reference/modules";
import project from "../../../reference/modules/project";
import { type Api, jsonBody, reference, SEED } from "./support";

/**
 * A concrete path for a route: ids (or names) from the first record of their list (or, for a
 * collection no generic route lists, the first of its ids), other placeholders from their constraint.
 */
async function concretePath(api: Api, data: ModuleData, path: string): Promise<string> {
  const route = data.routes.find((candidate) => candidate.path === path);
  assert.ok(route, path);
  let concrete = path;
  for (const [name, collection] of Object.entries(route.ids ?? {})) {
    const lister = data.routes.find(
      (candidate) => candidate.list === collection && !candidate.path.includes("{"),
    );
    if (!lister) {
      // Listed only inside other answers (`nested`) or by a hand-written route: its first id.
      concrete = concrete.replace(`{${name}}`, String(new ModuleRecords(data).ids(collection)[0]));
      continue;
    }
    const idMember = data.collections[collection]?.idMember ?? "id";
    // A record without an id member is named (a wiki page): its seeded id is its name.
    const first = ((await api.json(`${lister.path}.json`)).body.response as Record<string, unknown>[])[0];
    concrete = concrete.replace(`{${name}}`, String(first?.[idMember] ?? first?.name));
  }
  for (const [name, pattern] of Object.entries(route.constraints ?? {})) {
    concrete = concrete.replace(`{${name}}`, /^\(([a-z]+)/.exec(pattern)?.[1] ?? "1");
  }
  return concrete.replace(/\{[^}]+\}/g, "plan");
}

describe("generic engine: a module served from data", () => {
  let api: Api;
  before(async () => {
    api = await reference();
  });
  after(() => api.close());

  test("every route of every module answers 200 with a response its schema accepts, in JSON", async () => {
    const registry = schemaRegistry();
    assert.ok(MODULES.includes(project), "the folder scan finds the project module");
    for (const route of MODULES.flatMap((data) => data.routes.map((each) => ({ data, ...each })))) {
      const path = await concretePath(api, route.data, route.path);
      const method = route.method ?? "GET";
      const answer = await api.json(`${path}.json`, method === "GET" ? undefined : jsonBody(method, {}));
      assert.equal(answer.status, 200, `${method} ${path}: ${JSON.stringify(answer.body)}`);
      const schema = route.schema ?? routeSchema(method, route.path);
      assert.ok(schema, `${route.path} has a schema`);
      assert.deepEqual(registry.validate(schema, answer.body.response), [], path);
    }
  });

  test("an id a list returns resolves to the same record; an unknown id is 404 with the envelope", async () => {
    const projects = (await api.json("project.json")).body.response as { id: number; title: string }[];
    assert.deepEqual(
      projects.map((record) => [typeof record.id, record.title]),
      [
        ["number", "Website redesign"],
        ["number", "Mobile app launch"],
        ["number", "Office move"],
      ],
    );
    const first = projects[0] as { id: number; title: string };
    const byId = await api.json(`project/${first.id}.json`);
    assert.deepEqual([byId.status, (byId.body.response as { title: string }).title], [200, first.title]);
    const unknown = await api.json("project/999999999.json");
    assert.deepEqual(
      [unknown.status, unknown.body.statusCode, unknown.body.error?.message],
      [404, 404, "projects not found"],
    );
  });

  test("a route marked anonymous is served to any caller; the others need authentication", () => {
    const routes = genericRoutes({
      module: "sample",
      collections: {},
      routes: [
        { path: "sample/open", schema: "primitives/bool.json", anonymous: true },
        { path: "sample/closed", schema: "primitives/bool.json" },
      ],
    });
    assert.deepEqual(
      routes.map((route) => [route.path, route.anonymous]),
      [
        ["sample/open", true],
        ["sample/closed", false],
      ],
    );
  });

  test("a collection whose id is another member (a calendar's objectId): lists carry it, by-id resolves it, the fault keeps it", async () => {
    const listed = (await api.json("calendar/subscriptions.json")).body.response as Record<string, unknown>[];
    assert.deepEqual(
      listed.map((record) => [record.objectId, "id" in record]),
      [
        ["users_birthdays", false],
        ["shared_events", false],
        ["12", false],
        ["3", false],
      ],
    );
    const byId = await api.json("calendar/users_birthdays.json");
    assert.deepEqual([byId.status, (byId.body.response as { title: string }).title], [200, "Birthdays"]);
    assert.equal((await api.json("calendar/99.json")).status, 404);
    const broken = await reference({ faults: ["record-missing-required-member"] });
    try {
      // CalendarWrapper's first required member is objectId: the id stays, the next one goes.
      const record = (await broken.json("calendar/users_birthdays.json")).body.response as object;
      assert.ok("objectId" in record && !("isTodo" in record) && "title" in record);
    } finally {
      await broken.close();
    }
  });

  test("an id listed inside another answer (a forum's threads) resolves to the same record", async () => {
    const forum = (await api.json("community/forum.json")).body.response as {
      categories: { threads: { id: number; title: string }[] }[];
    };
    const thread = forum.categories[0]?.threads[0] as { id: number; title: string };
    const byId = await api.json(`community/forum/${thread.id}.json`);
    assert.deepEqual([byId.status, (byId.body.response as { title: string }).title], [200, thread.title]);
    assert.equal((await api.json("community/forum/999999999.json")).status, 404);
  });

  test("route constraints pick the route: project/open is by status, project/abc matches nothing", async () => {
    assert.ok(Array.isArray((await api.json("project/open.json")).body.response));
    assert.equal((await api.json("project/abc.json")).status, 404);
  });

  test("answers are the same on every request, and the XML form carries the same record", async () => {
    const [a, b] = [await api.json("project/task/301.json"), await api.json("project/task/301.json")];
    assert.deepEqual(a.body, b.body);
    const xml = await (
      await api.fetch("project/task/301.xml", {
        headers: { Authorization: (await import("./support")).ADMIN_BASIC },
      })
    ).text();
    assert.match(xml, /<title>Draft the home page<\/title>/);
  });

  test("a user created meanwhile does not change an answer (persons come from the seeded users)", async () => {
    const before = (await api.json("project/milestone.json")).body;
    const created = await api.json(
      "people.json",
      jsonBody("POST", {
        firstname: "Conformance",
        lastname: "Meanwhile",
        email: "meanwhile@conformance.test",
      }),
    );
    assert.equal(created.status, 201);
    assert.deepEqual((await api.json("project/milestone.json")).body, before);
  });

  test("the record-missing-required-member fault drops the first required member of generic answers only, not one discovery reads", async () => {
    const broken = await reference({ faults: ["record-missing-required-member"] });
    try {
      const record = (await broken.json("project/101.json")).body.response as Record<string, unknown>;
      assert.ok(!("canEdit" in record) && "canDelete" in record);
      // A named record keeps its name, and a list of nested records stays: discovery reads them.
      const [page] = (await broken.json("community/wiki.json")).body.response as Record<string, unknown>[];
      assert.ok("name" in (page ?? {}) && !("content" in (page ?? {})));
      const forum = (await broken.json("community/forum.json")).body.response as Record<string, unknown>;
      assert.ok(Array.isArray(forum.categories));
      const self = (await broken.json("people/@self.json")).body.response as Record<string, unknown>;
      assert.ok("id" in self && "displayName" in self);
    } finally {
      await broken.close();
    }
  });
});

describe("generic engine: writes keep state", () => {
  let api: Api;
  before(async () => {
    api = await reference();
  });
  after(() => api.close());
  const response = <T>(answer: { body: { response?: unknown } }) => answer.body.response as T;
  type Event = { id: number; title: string; type: number };

  test("a create is read and listed, an update reads back, a delete is gone (404); seeded records stay as they were", async () => {
    const seeded = response<Event[]>(await api.json("community/event.json"));
    const created = await api.json(
      "community/event.json",
      jsonBody("POST", { title: "Created", content: "x", type: 2 }),
    );
    assert.equal(created.status, 201);
    const event = response<Event>(created);
    assert.equal(event.title, "Created");
    assert.equal(event.type, 2, "a number the record's schema types as an integer");
    assert.equal(event.id, Math.max(...seeded.map((e) => e.id)) + 1, "the next integer id");
    assert.deepEqual(response<Event>(await api.json(`community/event/${event.id}.json`)), event);
    const listed = response<Event[]>(await api.json("community/event.json"));
    assert.deepEqual(listed.slice(0, seeded.length), seeded, "the seeded records unchanged");
    assert.deepEqual([listed.at(-1)?.id, listed.at(-1)?.title], [event.id, "Created"], "listed last");

    const form = { method: "PUT", headers: { "Content-Type": "application/x-www-form-urlencoded" } };
    const updated = await api.json(`community/event/${event.id}.json`, {
      ...form,
      body: "title=Updated&content=y&type=2",
    });
    assert.equal(response<Event>(updated).title, "Updated", "a form body too");
    assert.equal(response<Event>(await api.json(`community/event/${event.id}.json`)).title, "Updated");

    const deleted = await api.json(`community/event/${event.id}.json`, { method: "DELETE" });
    assert.equal(deleted.status, 200);
    assert.equal((await api.json(`community/event/${event.id}.json`)).status, 404);
    assert.deepEqual(response<Event[]>(await api.json("community/event.json")), seeded);
    assert.deepEqual(api.running.dataChanges(), [], "nothing left: created, changed, deleted");
  });

  test("a seeded record deleted, a Guid id, a parameter the server requires", async () => {
    const [post] = response<{ id: string }[]>(await api.json("community/blog.json"));
    assert.equal((await api.json(`community/blog/${post.id}.json`, { method: "DELETE" })).status, 200);
    assert.equal((await api.json(`community/blog/${post.id}.json`)).status, 404);
    assert.deepEqual(api.running.dataChanges(), [`community/blogPosts ${post.id}: a seeded record, deleted`]);
    const created = response<{ id: string }>(
      await api.json("community/blog.json", jsonBody("POST", { title: "G", content: "x" })),
    );
    assert.match(created.id, /^[0-9a-f-]{36}$/);
    const refused = await api.json("community/event.json", jsonBody("POST", { title: " ", content: "x" }));
    assert.equal(refused.status, 400, "CreateEvent refuses an empty title");
  });

  test("a child is listed under its parent only; a remove answers its id; seeded children are under every parent", async () => {
    const [first, second] = response<{ id: number }[]>(await api.json("community/event.json"));
    const seeded = response<{ id: number }[]>(await api.json(`community/event/${first.id}/comment.json`));
    assert.ok(seeded.length > 0);
    const comment = response<{ id: number; text: string }>(
      await api.json(`community/event/${first.id}/comment.json`, jsonBody("POST", { content: "Mine" })),
    );
    assert.equal(comment.text, "Mine");
    const under = (event: number) =>
      api
        .json(`community/event/${event}/comment.json`)
        .then((a) => response<{ id: number }[]>(a).map((c) => c.id));
    assert.deepEqual(await under(first.id), [...seeded.map((c) => c.id), comment.id]);
    assert.deepEqual(
      await under(second.id),
      seeded.map((c) => c.id),
      "not under another event",
    );
    const removed = await api.json(`community/event/comment/${comment.id}.json`, { method: "DELETE" });
    assert.deepEqual([removed.status, removed.body.response], [200, String(comment.id)]);
    assert.deepEqual(
      await under(first.id),
      seeded.map((c) => c.id),
    );
    const missing = await api.json("community/event/999999/comment.json", jsonBody("POST", { content: "x" }));
    assert.equal(missing.status, 404, "the parent must exist");
  });

  test("a list schema answers a list of one; integer ids carried as text count on; a body names the record", async () => {
    const left = api.running.dataChanges(); // what the tests before left
    const [calendar] = response<{ objectId: string }[]>(await api.json("calendar/subscriptions.json"));
    const created = await api.json(
      `calendar/${calendar.objectId}/event.json`,
      jsonBody("POST", { name: "Planning", description: "x" }),
    );
    assert.equal(created.status, 201);
    const [event, ...more] = response<{ objectId: string; title: string }[]>(created);
    assert.deepEqual([more.length, event.title, event.objectId], [0, "Planning", "5002"]);
    const updated = await api.json(
      "calendar/icsevent.json",
      jsonBody("PUT", { eventId: event.objectId, calendarId: calendar.objectId, ics: "" }),
    );
    assert.deepEqual([updated.status, response<{ objectId: string }[]>(updated)[0]?.objectId], [200, "5002"]);
    const unknown = await api.json("calendar/icsevent.json", jsonBody("PUT", { eventId: "999", ics: "" }));
    assert.equal(unknown.status, 404, "the event the body names must exist");
    assert.equal((await api.json("calendar/events/5002.json", { method: "DELETE" })).status, 200);
    assert.deepEqual(api.running.dataChanges(), left);
  });

  test("a create answering another wrapper names its id there (answerId); a read sent as POST stores nothing", async () => {
    const left = api.running.dataChanges(); // what the tests before left
    const [post] = response<{ id: string }[]>(await api.json("community/blog.json"));
    const created = await api.json(
      "community/blog/comment.json",
      jsonBody("POST", { entityid: post.id, content: "By entity" }),
    );
    assert.equal(created.status, 201);
    const { commentID } = response<{ commentID: string }>(created);
    const listed = response<{ id: string; text: string }[]>(
      await api.json(`community/blog/${post.id}/comment.json`),
    );
    assert.deepEqual(
      listed.at(-1),
      { ...listed.at(-1), id: commentID, text: "By entity" },
      "listed under its post",
    );
    assert.equal(
      (await api.json(`community/blog/comment/${commentID}.json`, { method: "DELETE" })).status,
      200,
    );
    const preview = await api.json("community/preview.json", jsonBody("POST", { title: "t", content: "c" }));
    assert.equal(preview.status, 200, "a POST that creates nothing is 200");
    assert.deepEqual(api.running.dataChanges(), left);
  });

  test("a bulk write acts on each record its list names; a child carries its parent's id; an action keeps nothing", async () => {
    type Task = { id: number; title: string; status: number };
    type Subtask = { id: number; taskId: number };
    const [project] = response<{ id: number }[]>(await api.json("project.json"));
    const made = async (title: string) =>
      response<Task>(
        await api.json(`project/${project.id}/task.json`, jsonBody("POST", { title, description: "x" })),
      );
    const [first, second] = [await made("First"), await made("Second")];
    const tasks = await api.json(`project/task/status.json?taskids=${first.id}&taskids=999999`, {
      ...jsonBody("PUT", { status: 2 }),
    });
    assert.deepEqual(
      response<Task[]>(tasks).map((t) => [t.id, t.status]),
      [[first.id, 2]],
      "the known task changed, the unknown one skipped, answered as a list",
    );
    assert.equal(response<Task>(await api.json(`project/task/${first.id}.json`)).status, 2);
    assert.notEqual(response<Task>(await api.json(`project/task/${second.id}.json`)).status, 2);

    const subtask = response<Subtask>(
      await api.json(`project/task/${second.id}.json`, jsonBody("POST", { title: "Child" })),
    );
    assert.equal(subtask.taskId, second.id, "parentMember: the subtask names its task");

    const team = await api.json(`project/${project.id}/team.json`, jsonBody("PUT", { notify: false }));
    assert.equal(team.status, 200);
    assert.ok(Array.isArray(team.body.response), "an action answers its schema (a team)");
    assert.equal((await api.json("project/999999/team.json", jsonBody("PUT", {}))).status, 404);

    await api.json(`project/task/${second.id}/${subtask.id}.json`, { method: "DELETE" });
    const removed = await api.json(`project/task.json?taskids=${first.id},${second.id}`, {
      method: "DELETE",
    });
    assert.equal(response<Task[]>(removed).length, 2);
    assert.equal((await api.json(`project/task/${second.id}.json`)).status, 404);
    const left = api.running.dataChanges().filter((change) => change.startsWith("project/"));
    assert.deepEqual(left, [], "nothing left of the project's");
  });

  test("CRM writes: an action by POST or DELETE is 200 on its record, a PUT deletes, a record found by its title, a tag by its name", async () => {
    type Contact = { id: number; companyName: string; about: string };
    const company = response<Contact>(
      await api.json(
        "crm/contact/company.json",
        jsonBody("POST", { companyName: "Acme", about: "a", shareType: 1 }),
      ),
    );
    const person = response<{ id: number; firstName: string }>(
      await api.json(
        "crm/contact/person.json",
        jsonBody("POST", { firstName: "Ann", lastName: "Lee", shareType: 1 }),
      ),
    );
    assert.equal(person.firstName, "Ann", "a person's own members, in a collection of companies and persons");
    const linked = await api.json(`crm/contact/company/${company.id}/person.json?personid=${person.id}`, {
      method: "POST",
    });
    assert.deepEqual(
      [linked.status, response<{ id: number }>(linked).id],
      [200, person.id],
      "no record created: 200",
    );
    const missing = await api.json(`crm/contact/company/${company.id}/person.json?personid=999999`, {
      method: "DELETE",
    });
    assert.equal(missing.status, 404, "a parameter outside the path names a record too");

    const merged = await api.json(
      `crm/contact/merge.json?fromcontactid=${person.id}&tocontactid=${company.id}`,
      {
        method: "PUT",
      },
    );
    assert.equal(merged.status, 200);
    assert.equal((await api.json(`crm/contact/${person.id}.json`)).status, 404, "merged away");
    const batch = await api.json(`crm/contact.json?contactids=${company.id}`, { method: "PUT" });
    assert.deepEqual(
      response<{ id: number }[]>(batch).map((c) => c.id),
      [company.id],
      "a batch delete answers a list",
    );
    assert.equal((await api.json(`crm/contact/${company.id}.json`)).status, 404);

    const status = response<{ id: number; title: string }>(
      await api.json(
        "crm/contact/status.json",
        jsonBody("POST", { title: "Lukewarm", color: "#fff", sortOrder: 0 }),
      ),
    );
    const reordered = await api.json("crm/contact/status/reorder.json?titles=Lukewarm", { method: "PUT" });
    assert.deepEqual(
      response<{ id: number }[]>(reordered).map((s) => s.id),
      [status.id],
      "found by title",
    );
    assert.equal(
      (await api.json("crm/contact/status/reorder.json?titles=Nope", { method: "PUT" })).status,
      404,
    );
    await api.json(`crm/contact/status/${status.id}.json`, { method: "DELETE" });

    const tag = await api.json("crm/contact/tag.json", jsonBody("POST", { tagName: "Mine" }));
    assert.deepEqual([tag.status, tag.body.response], [201, "Mine"], "a tag's create answers its name");
    assert.equal((await api.json("crm/contact/tag.json?tagName=Mine", { method: "DELETE" })).status, 200);
    assert.equal((await api.json("crm/contact/tag.json?tagName=Mine", { method: "DELETE" })).status, 404);
    assert.deepEqual(
      api.running.dataChanges().filter((change) => change.startsWith("crm/")),
      [],
      "nothing left in the CRM",
    );
  });

  test("a write's data is checked when the reference starts", () => {
    const data = (writes: ModuleData["writes"]): ModuleData => ({
      module: "sample",
      collections: { posts: { schema: "community/blog-post-wrapper-full.json" } },
      routes: [],
      writes,
    });
    assert.throws(
      () =>
        genericRoutes(
          data([
            {
              method: "DELETE",
              path: "community/blog",
              creates: "posts",
              schema: "community/blog-post-wrapper-full.json",
            },
          ]),
        ),
      /write DELETE community\/blog: creates needs POST or PUT/,
    );
    assert.throws(
      () => genericRoutes(data([{ method: "DELETE", path: "community/blog/{postid}", deletes: "postid" }])),
      /\{postid\} is not in ids, params or matched/,
    );
    assert.throws(
      () => genericRoutes(data([{ method: "POST", path: "community/blog", creates: "nope" }])),
      /no collection "nope"/,
    );
    assert.throws(
      () =>
        genericRoutes(
          data([{ method: "POST", path: "community/blog", creates: "posts", parentMember: "x" }]),
        ),
      /parentMember needs parent/,
    );
    assert.throws(
      () => genericRoutes(data([{ method: "POST", path: "community/blog", creates: "posts", makes: true }])),
      /makes needs acts/,
    );
    assert.throws(
      () =>
        genericRoutes(data([{ method: "POST", path: "community/blog", creates: "posts", sweeps: "posts" }])),
      /sweeps needs updates or deletes/,
    );
  });

  test("records made under a record are swept by its write (sweeps): a tag made naming the project goes when it is retagged", async () => {
    const left = api.running.dataChanges();
    const [project] = response<{ id: number }[]>(await api.json("project.json"));
    const made = await api.json(
      `project/tag.json?projectid=${project.id}`,
      jsonBody("POST", { data: "Swept" }),
    );
    assert.equal(made.status, 201);
    const tags = async () =>
      response<{ title: string }[]>(await api.json("project/tag.json")).map((t) => t.title);
    assert.ok((await tags()).includes("Swept"), "listed once made");
    const seeded = (await tags()).filter((title) => title !== "Swept");
    assert.equal((await api.json(`project/${project.id}/tags.json`, jsonBody("PUT", {}))).status, 200);
    assert.deepEqual(await tags(), seeded, "the made tag swept, the seeded ones kept");
    assert.deepEqual(
      api.running.dataChanges().filter((change) => !left.includes(change)),
      [],
      "nothing left of the tag, the project as it was",
    );
  });

  test("an action that makes records no collection keeps answers 201 (makes), on a record that exists", async () => {
    const left = api.running.dataChanges();
    const [calendar] = response<{ objectId: string }[]>(await api.json("calendar/subscriptions.json"));
    const imported = await api.json(
      "calendar/importIcs.json",
      jsonBody("POST", { calendarId: calendar.objectId, iCalString: "BEGIN:VCALENDAR" }),
    );
    assert.equal(imported.status, 201);
    assert.equal(typeof imported.body.response, "number", "the count of events imported");
    const unknown = await api.json("calendar/importIcs.json", jsonBody("POST", { calendarId: "999999" }));
    assert.equal(unknown.status, 404, "the calendar the body names must exist");
    assert.deepEqual(api.running.dataChanges(), left);
  });
});

describe("generic engine: writes as mail declares them", () => {
  let api: Api;
  before(async () => {
    api = await reference();
  });
  after(() => api.close());
  const response = <T>(answer: { body: { response?: unknown } }) => answer.body.response as T;

  test("a PUT that saves a new record answers 200; a remove naming it in the query answers its id, and skips it once gone", async () => {
    const saved = await api.json(
      "mail/drafts/save.json?from=anna%40mail.example.com",
      jsonBody("PUT", { id: 0, subject: "Mine" }),
    );
    assert.equal(saved.status, 200, "a PUT is no documented creation");
    const { id } = response<{ id: number; subject: string }>(saved);
    assert.equal(response<{ subject: string }>(await api.json(`mail/messages/${id}.json`)).subject, "Mine");
    const marked = await api.json(
      `mail/messages/mark.json?ids=${id}`,
      jsonBody("PUT", { status: "important" }),
    );
    assert.deepEqual(response<number[]>(marked), [id], "the ids, as int-list.json types them");
    const removed = await api.json(`mail/messages/remove.json?ids=${id}`, { method: "PUT" });
    assert.deepEqual([removed.status, response<number[]>(removed)], [200, [id]]);
    assert.equal((await api.json(`mail/messages/${id}.json`)).status, 404);
    const again = await api.json(`mail/messages/remove.json?ids=${id}`, { method: "PUT" });
    assert.deepEqual(
      [again.status, response<number[]>(again)],
      [200, [id]],
      "an id naming nothing is skipped",
    );
    const unknownTag = await api.json("mail/tags/999999/set.json?messages=1001", { method: "PUT" });
    assert.equal(unknownTag.status, 404, "where nothing is skipped, an unknown id is still refused");
    assert.deepEqual(api.running.dataChanges(), []);
  });

  test("a settings record changed by a write without an id, read back, and unchanged once set back", async () => {
    const settings = async () =>
      response<{ enableConversations: boolean }>(await api.json("mail/settings.json"));
    assert.equal((await settings()).enableConversations, true);
    const set = await api.json(
      "mail/settings/conversationsEnabled.json",
      jsonBody("PUT", { enabled: false }),
    );
    assert.equal(set.status, 200);
    assert.equal((await settings()).enableConversations, false);
    assert.equal(api.running.dataChanges().length, 1, "changed");
    await api.json("mail/settings/conversationsEnabled.json?enabled=true", { method: "PUT" });
    assert.equal((await settings()).enableConversations, true);
    assert.deepEqual(api.running.dataChanges(), [], "set back to the seed's value: unchanged");
  });

  test("a collection of plain values: each is its own id, created, listed and removed by it", async () => {
    const added = await api.json(
      "mail/display_images/address.json",
      jsonBody("POST", { address: "x@example.com" }),
    );
    assert.deepEqual([added.status, response<string>(added)], [201, "x@example.com"]);
    const listed = response<string[]>(await api.json("mail/display_images/addresses.json"));
    assert.ok(listed.includes("x@example.com") && listed.includes("news@example.org"), listed.join());
    const removed = await api.json("mail/display_images/address.json?address=x%40example.com", {
      method: "DELETE",
    });
    assert.deepEqual([removed.status, response<string>(removed)], [200, "x@example.com"]);
    assert.deepEqual(api.running.dataChanges(), []);
  });
});

describe("a fresh portal (reference --empty)", () => {
  const SOURCE = /^(module|web|build)\/[\w./-]+:\d+(-\d+)?$/;

  test("what it keeps is cited from the server's source", () => {
    const builtIns = MODULES.flatMap((data) => [
      ...Object.values(data.collections).flatMap((c) => (c.fresh ? [c.fresh] : [])),
      ...data.routes.flatMap((route) => (route.builtIn ? [route.builtIn] : [])),
    ]);
    assert.ok(builtIns.length >= 20, `${builtIns.length} built-ins`);
    for (const { source } of builtIns) assert.match(source, SOURCE);
  });

  test("the admin and the built-in folders and lists only; the CRM's lists once it was opened", async () => {
    const read = async (api: Api, path: string) => {
      const answer = await api.json(`${path}.json`);
      assert.equal(answer.status, 200, path);
      return answer.body.response as Record<string, unknown>[];
    };
    const titles = (list: Record<string, unknown>[]) => list.map((record) => record.title ?? record.id);
    for (const empty of ["crm-opened", "crm-never-opened"] as const) {
      const api = await reference({ empty });
      try {
        const opened = empty === "crm-opened";
        assert.deepEqual(
          titles(await read(api, "crm/task/category")),
          opened ? ["Call", "Email", "Meeting"] : [],
        );
        assert.equal((await read(api, "crm/opportunity/stage")).length, opened ? 3 : 0);
        assert.equal((await read(api, "crm/history/category")).length > 0, opened, "history categories");
        assert.ok((await read(api, "crm/settings/currency")).length > 0, "currencies are the install's");
        for (const path of ["project", "crm/contact/filter", "crm/history/filter", "group", "mail/accounts"])
          assert.deepEqual(await read(api, path), [], path);
        assert.deepEqual(
          (await read(api, "people")).map((person) => person.userName),
          ["administrator"],
        );
        assert.deepEqual(
          (await read(api, "calendar/subscriptions")).map((calendar) => calendar.objectId),
          ["users_birthdays", "shared_events"],
        );
        const my = (await api.json("files/@my.json")).body.response as {
          files: unknown[];
          current: { id: number; title: string };
        };
        assert.deepEqual([my.files, my.current.title], [[], "My Documents"]);
        assert.equal((await api.json(`files/folder/${my.current.id}/path.json`)).status, 200);
        // A record of the seeded portal is no record here.
        assert.equal((await api.json("project/101.json")).status, 404);
        assert.equal((await api.json(`files/file/${SEED.files.welcome}.json`)).status, 404);
      } finally {
        await api.close();
      }
    }
  });
});

describe("module data", () => {
  const module = (routes: ModuleData["routes"]): ModuleData => ({
    module: "sample",
    collections: {},
    routes,
  });

  test("a route answers in the schema operations.json maps it to, unless it names its own", async () => {
    assert.equal(routeSchema("GET", "project/{id}"), "project/project-wrapper-full.json");
    // Placeholders named otherwise than the catalogue's; a shape two operations share names neither.
    assert.equal(routeSchema("GET", "people/{userid}"), routeSchema("GET", "people/{username}"));
    assert.equal(routeSchema("GET", "crm/contact/{a}/data/{b}"), undefined);
    assert.equal(genericRoutes(module([{ path: "project/{id}" }])).length, 1);
    assert.throws(
      () => genericRoutes(module([{ path: "sample/nothing" }])),
      /reference\/modules\/sample\.ts, route sample\/nothing: schemas\/operations\.json names no schema for GET sample\/nothing/,
    );
    assert.throws(
      () => genericRoutes(module([{ path: "sample/nothing", schema: "sample/missing.json" }])),
      /cannot read schema schemas\/sample\/missing\.json/,
    );
  });
});

describe("records", () => {
  test("a seed's id names its record, integer or Guid; records without one count from firstId", () => {
    const data: ModuleData = {
      module: "sample",
      collections: {
        files: { schema: "files/file-wrapper.json", firstId: 7, seeds: [{ id: 201 }, { id: 205 }, {}] },
        users: {
          schema: "people/employee-wraper-full.json",
          seeds: [{ id: "b2d4e6f8-1a3c-4e5b-8d7f-2c4e6a8b0d12" }],
        },
      },
      routes: [],
    };
    const records = new ModuleRecords(data);
    assert.deepEqual(records.ids("files"), [201, 205, 9]);
    assert.equal(records.ids("users")[0], "b2d4e6f8-1a3c-4e5b-8d7f-2c4e6a8b0d12");
    assert.equal(records.find("files", "205", undefined), 1);
  });

  test("a fresh portal has a collection's built-in records only, the CRM's once it was opened", () => {
    const data: ModuleData = {
      module: "sample",
      collections: {
        files: { schema: "files/file-wrapper.json", seeds: [{ id: 201 }, { id: 205 }, { id: 206 }] },
        folders: {
          schema: "files/folder-wrapper.json",
          fresh: { records: 1, madeBy: "install", source: "x.cs:1" },
        },
        stages: {
          schema: "crm/deal-milestone-wrapper.json",
          fresh: { records: 2, madeBy: "crm-opened", source: "x.cs:2" },
        },
      },
      routes: [],
    };
    const records = new ModuleRecords(data);
    const opened = { crmOpened: true };
    const untouched = { crmOpened: false };
    assert.deepEqual(
      ["files", "folders", "stages"].map((c) =>
        [undefined, opened, untouched].map((f) => records.count(c, f)),
      ),
      [
        [3, 0, 0],
        [3, 1, 1],
        [3, 2, 0],
      ],
    );
    assert.equal(records.find("files", "205", opened), undefined, "no record on a fresh portal");
    const [first, second] = records.ids("folders");
    assert.equal(records.find("folders", String(first), untouched), 0);
    assert.equal(records.find("folders", String(second), untouched), undefined);
  });
});

describe("synthesize", () => {
  const at = { node: { $ref: "project-wrapper-full.json" }, file: "project/project-wrapper-full.json" };
  const person = () => ({
    id: "00000000-0000-4000-8000-000000000001",
    displayName: "Anna Ivanova",
    avatarSmall: "/skins/default/images/default_user_photo_size_32-32.png",
    profileUrl: "http://localhost/Products/People/Profile.aspx?user=anna",
  });

  test("builds a value the schema accepts, with Guids, dates and plausible text", () => {
    const value = synthesize(at, "", { rng: new Prng("x"), values: {}, person }) as Record<string, unknown>;
    assert.deepEqual(schemaRegistry().validate("project/project-wrapper-full.json", value), []);
    assert.match(String(value.responsibleId), /^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    assert.match(String(value.updated), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/);
    assert.notEqual(value.title, "string");
  });

  test("plain DateTime members (common/date-time.json) get Json.NET's form, whatever their name", () => {
    const located = { node: { $ref: "user-info.json" }, file: "people/user-info.json" };
    const value = synthesize(located, "", { rng: new Prng("x"), values: {}, person });
    assert.deepEqual(schemaRegistry().validate("people/user-info.json", value), []);
    assert.match(String((value as { lastModified: string }).lastModified), /^\d{4}-\d{2}-\d{2}T[\d:]{8}/);
  });

  test("an id that may be an integer or a string is an integer, as the portal's own files are", () => {
    const located = { node: { $ref: "folder-wrapper.json" }, file: "files/folder-wrapper.json" };
    const value = synthesize(located, "", { rng: new Prng("x"), values: {}, person }) as Record<
      string,
      unknown
    >;
    assert.deepEqual([typeof value.id, typeof value.parentId], ["number", "number"]);
  });

  test("is deterministic for a seed and varies between seeds", () => {
    const build = (seed: string) =>
      JSON.stringify(synthesize(at, "", { rng: new Prng(seed), values: {}, person }));
    assert.equal(build("a"), build("a"));
    assert.notEqual(build("a"), build("b"));
  });

  test("a void operation answers an empty object, as the server's response: {}", () => {
    const located = { node: { $ref: "void.json" }, file: "primitives/void.json" };
    assert.deepEqual(synthesize(located, "", { rng: new Prng("x"), values: {}, person }), {});
  });

  test("integer enums take a listed value", () => {
    const located = { node: { $ref: "task-priority.json" }, file: "project/enums/task-priority.json" };
    const listed = (schemaRegistry().get("project/enums/task-priority.json").enum as number[]) ?? [];
    for (const seed of ["1", "2", "3", "4"]) {
      assert.ok(
        listed.includes(
          synthesize(located, "priority", { rng: new Prng(seed), values: {}, person }) as number,
        ),
      );
    }
  });
});
