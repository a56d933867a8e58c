import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { ModuleData } from "../../../reference/generic/module-data";
import { genericRoutes } from "../../../reference/generic/routes";
import { type Api, jsonBody, reference } from "./support";

type Case = { id: number; title: string; isClosed: boolean; isPrivate: boolean };
type Category = { id: number; title: string; sortOrder: number };

describe("generic engine: members a write sets, batch writes, links", () => {
  let api: Api;
  before(async () => {
    api = await reference();
  });
  after(() => api.close());
  const response = <T>(answer: { body: { response?: unknown } }) => answer.body.response as T;
  const create = async (title: string) =>
    response<Case>(await api.json("crm/case.json", jsonBody("POST", { title, isPrivate: true })));

  test("a write sets its members whatever was sent: a case is created open, closed, reopened", async () => {
    const made = await create("Set");
    assert.equal(made.isClosed, false);
    const closed = await api.json(`crm/case/${made.id}/close.json`, { method: "PUT" });
    assert.equal(response<Case>(closed).isClosed, true);
    assert.equal(response<Case>(await api.json(`crm/case/${made.id}.json`)).isClosed, true, "read back");
    await api.json(`crm/case/${made.id}/reopen.json`, { method: "PUT" });
    assert.equal(response<Case>(await api.json(`crm/case/${made.id}.json`)).isClosed, false);
    await api.json(`crm/case/${made.id}.json`, { method: "DELETE" });
    assert.deepEqual(api.running.dataChanges(), []);
  });

  test("a batch changes or removes each record its list names, answers them, and passes over the unknown", async () => {
    const [first, second] = [await create("One"), await create("Two")];
    const opened = await api.json(
      `crm/case/access.json?casesid=${first.id}&casesid=999999`,
      jsonBody("PUT", { isPrivate: false }),
    );
    assert.equal(opened.status, 200);
    assert.deepEqual(
      response<Case[]>(opened).map((c) => [c.id, c.isPrivate]),
      [[first.id, false]],
      "the unknown id passed over",
    );
    assert.equal(response<Case>(await api.json(`crm/case/${first.id}.json`)).isPrivate, false);
    assert.equal(response<Case>(await api.json(`crm/case/${second.id}.json`)).isPrivate, true, "not named");
    // The server's delete by ids is a PUT; the ids as one comma-separated value.
    const removed = await api.json(`crm/case.json?casesids=${first.id},${second.id}`, { method: "PUT" });
    assert.deepEqual(
      response<Case[]>(removed).map((c) => c.id),
      [first.id, second.id],
    );
    for (const { id } of [first, second]) assert.equal((await api.json(`crm/case/${id}.json`)).status, 404);
    assert.deepEqual(api.running.dataChanges(), []);
  });

  test("a reorder names records by a member and sets each one's position; the others keep theirs", async () => {
    const before = response<Category[]>(await api.json("crm/task/category.json"));
    const made = response<Category>(
      await api.json("crm/task/category.json", jsonBody("POST", { title: "Mine", sortOrder: 5 })),
    );
    const reordered = await api.json(`crm/task/category/reorder.json?titles=Mine`, { method: "PUT" });
    assert.deepEqual(
      response<Category[]>(reordered).map((c) => [c.id, c.sortOrder]),
      [[made.id, 0]],
    );
    const after = response<Category[]>(await api.json("crm/task/category.json"));
    assert.deepEqual(after.slice(0, before.length), before, "the others unchanged");
    assert.equal(after.at(-1)?.sortOrder, 0);
    await api.json(`crm/task/category/${made.id}.json`, { method: "DELETE" });
    assert.deepEqual(api.running.dataChanges(), []);
  });

  test("a link answers 200, is listed under its parent only, and goes when unlinked or with its parent", async () => {
    const [mine, other] = [await create("Linked"), await create("Other")];
    const members = async (id: number) =>
      response<{ id: number }[]>(await api.json(`crm/case/${id}/contact.json`)).map((c) => c.id);
    const seeded = await members(other.id);
    const linked = await api.json(`crm/case/${mine.id}/contact.json?contactid=1003`, { method: "POST" });
    assert.deepEqual(
      [linked.status, response<{ id: number }>(linked).id],
      [200, 1003],
      "a link, no new record",
    );
    assert.deepEqual(await members(mine.id), [...seeded, 1003]);
    assert.deepEqual(await members(other.id), seeded, "not under another case");
    const unlinked = await api.json(`crm/case/${mine.id}/contact/1003.json`, { method: "DELETE" });
    assert.deepEqual([unlinked.status, response<{ id: number }>(unlinked).id], [200, 1003], "the contact");
    assert.deepEqual(await members(mine.id), seeded);
    const again = await api.json(`crm/case/${mine.id}/contact/1003.json`, { method: "DELETE" });
    assert.equal(again.status, 200, "a contact not linked: nothing changes");
    assert.equal(
      (await api.json(`crm/case/${mine.id}/contact/999999.json`, { method: "DELETE" })).status,
      404,
    );
    await api.json(`crm/case/${mine.id}/contact.json?contactid=1002`, { method: "POST" });
    for (const { id } of [mine, other]) await api.json(`crm/case/${id}.json`, { method: "DELETE" });
    assert.deepEqual(api.running.dataChanges(), [], "the link went with its case");
  });

  test("a batch's data is checked when the reference starts", () => {
    const data = (writes: ModuleData["writes"]): ModuleData => ({
      module: "sample",
      collections: { cases: { schema: "crm/cases-wrapper.json" } },
      routes: [],
      writes,
    });
    const batch = { param: "ids", collection: "cases" };
    const schema = "crm/cases-wrapper-list.json";
    assert.doesNotThrow(() =>
      genericRoutes(data([{ method: "PUT", path: "crm/case", batch, deletes: "ids", schema }])),
    );
    assert.throws(
      () => genericRoutes(data([{ method: "PUT", path: "crm/case", deletes: "ids", schema }])),
      /\{ids\} is not in ids, params or matched/,
      "a PUT deletes what a batch or its ids name",
    );
    assert.throws(
      () => genericRoutes(data([{ method: "PUT", path: "crm/case", batch, deletes: "other", schema }])),
      /\{other\} is not in ids/,
    );
    assert.throws(
      () =>
        genericRoutes(
          data([
            {
              method: "PUT",
              path: "crm/case",
              batch: { ...batch, collection: "nope" },
              updates: "ids",
              schema,
            },
          ]),
        ),
      /no collection "nope"/,
    );
    assert.throws(
      () =>
        genericRoutes(data([{ method: "POST", path: "crm/case", creates: "cases", link: "cases", schema }])),
      /link needs parent/,
    );
  });
});
