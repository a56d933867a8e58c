import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { schemaRegistry } from "../../../helpers/contract/schemas";
import type { ModuleData } from "../../../reference/generic/module-data";
import { Prng } from "../../../reference/generic/prng";
import { synthesize } from "../../../reference/generic/synthesize";
import { MODULES } from "../../../reference/modules";
import project from "../../../reference/modules/project";
import { type Api, jsonBody, reference } from "./support";

/** A concrete path for a route: ids from the first record of their list, other placeholders from their constraint. */
async function concretePath(api: Api, data: ModuleData, path: string): Promise<string> {
  const route = data.routes.find((candidate) => candidate.path === path);
  assert.ok(route, path);
  let concrete = path;
  for (const [name, collection] of Object.entries(route.ids ?? {})) {
    const lister = data.routes.find(
      (candidate) => candidate.list === collection && !candidate.path.includes("{"),
    );
    assert.ok(lister, `a placeholder-free list of ${collection}`);
    const listed = await api.json(`${lister.path}.json`);
    concrete = concrete.replace(`{${name}}`, String((listed.body.response as { id: unknown }[])[0]?.id));
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
      const answer = await api.json(`${path}.json`);
      assert.equal(answer.status, 200, `${path}: ${JSON.stringify(answer.body)}`);
      assert.deepEqual(registry.validate(route.schema, answer.body.response), [], path);
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

  test("the record-missing-required-member fault drops the first required member of generic answers only", async () => {
    const broken = await reference({ faults: ["record-missing-required-member"] });
    try {
      const record = (await broken.json("project/101.json")).body.response as Record<string, unknown>;
      assert.ok(!("canEdit" in record) && "canDelete" in record);
      const self = (await broken.json("people/@self.json")).body.response as Record<string, unknown>;
      assert.ok("id" in self && "displayName" in self);
    } finally {
      await broken.close();
    }
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

  test("is deterministic for a seed and varies between seeds", () => {
    const build = (seed: string) =>
      JSON.stringify(synthesize(at, "", { rng: new Prng(seed), values: {}, person }));
    assert.equal(build("a"), build("a"));
    assert.notEqual(build("a"), build("b"));
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
