import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import {
  compiledValidators,
  schemaFilesDigest,
  writeValidators,
} from "../../../helpers/contract/compiled-validators";
import {
  composedSchema,
  createRegistry,
  readSchemaFiles,
  SCHEMA_BASE,
  SCHEMAS_DIR,
} from "../../../helpers/contract/schemas";

// Inside the project: the generated code requires ajv's runtime, found from where the file is.
const cache = join(SCHEMAS_DIR, "..", "node_modules", ".cache");
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(join(cache, "wc-validators-test-"));
after(() => rmSync(work, { recursive: true, force: true }));

/** Two schemas, one referring to the other, and the success envelope the composed schemas refer to. */
function schemaDir(name: string, personRequires: string[]): string {
  const dir = join(work, name);
  mkdirSync(join(dir, "envelope"), { recursive: true });
  mkdirSync(join(dir, "people"), { recursive: true });
  const write = (path: string, schema: object) =>
    writeFileSync(join(dir, path), JSON.stringify({ $id: SCHEMA_BASE + path, ...schema }));
  write("envelope/success.json", {
    type: "object",
    required: ["status", "response"],
    properties: { status: { const: 0 } },
  });
  write("people/person.json", {
    type: "object",
    required: personRequires,
    properties: {
      id: { type: "string", format: "uuid" },
      displayName: { type: "string" },
      manager: { $ref: "manager.json" },
    },
  });
  write("people/manager.json", { type: ["object", "null"], required: ["id"] });
  return dir;
}

const compose = (id: string) => composedSchema(id.slice(SCHEMA_BASE.length));
let files = 0;
/** Validators built from `dir` into a file of their own (require caches a module by its path). */
function build(dir: string): string {
  const file = join(work, `validators-${++files}.cjs`);
  writeValidators(readSchemaFiles(dir), compose, file);
  return file;
}

test("validators built ahead judge as ajv does at run time, violations and all", () => {
  const dir = schemaDir("same", ["id", "displayName"]);
  const file = build(dir);
  let used = 0;
  const ahead = createRegistry(dir, (digest) => {
    const validators = compiledValidators(digest, file);
    if (validators) used++;
    return validators;
  });
  const atRunTime = createRegistry(dir);
  assert.equal(used, 1, "the built validators match these schemas");
  const person = ahead.define(composedSchema("people/person.json"));
  atRunTime.define(composedSchema("people/person.json"));
  const values = [
    { status: 0, response: { id: "2b5a5b5e-6f6b-4f4e-9a39-1f9b8c3d2e1a", displayName: "A", manager: null } },
    { status: 1, response: { id: "not-a-uuid", manager: { name: "no id" }, extra: [] } },
    { status: 0 },
    [],
  ];
  for (const value of values)
    assert.deepEqual(ahead.validate(person, value), atRunTime.validate(person, value), JSON.stringify(value));
  assert.deepEqual(ahead.validate(person, values[0]), []);
  assert.ok(ahead.validate(person, values[1]).length >= 4);
});

test("validators built from other schemas are never used: changed schemas are compiled at run time", () => {
  const file = build(schemaDir("before", ["id"]));
  const changed = schemaDir("after", ["id", "displayName"]);
  assert.notEqual(
    schemaFilesDigest(readSchemaFiles(changed)),
    schemaFilesDigest(readSchemaFiles(join(work, "before"))),
  );
  let offered = 0;
  const registry = createRegistry(changed, (digest) => {
    const validators = compiledValidators(digest, file);
    if (validators) offered++;
    return validators;
  });
  assert.equal(offered, 0, "a stale build is refused");
  // The change shows: displayName is required now.
  assert.deepEqual(registry.validate("people/person.json", { id: "2b5a5b5e-6f6b-4f4e-9a39-1f9b8c3d2e1a" }), [
    { path: "/displayName", message: "is missing (required)" },
  ]);
  assert.equal(compiledValidators("0".repeat(40), join(work, "no-such-file.cjs")), undefined);
});

test("a composed schema defined differently from composedSchema is compiled, not taken from the build", () => {
  const dir = schemaDir("other-composition", ["id"]);
  const file = build(dir);
  const registry = createRegistry(dir, (digest) => compiledValidators(digest, file));
  // The same $id as a built one, another shape: the response may be anything but must be present twice over.
  const id = registry.define({
    $id: `${SCHEMA_BASE}composed/people/person.json`,
    type: "object",
    required: ["response", "count"],
  });
  assert.deepEqual(registry.validate(id, { response: {} }), [
    { path: "/count", message: "is missing (required)" },
  ]);
});

test("the validators of schemas/ agree with run-time ajv on the envelopes and a resource", () => {
  const file = build(SCHEMAS_DIR);
  const ahead = createRegistry(SCHEMAS_DIR, (digest) => compiledValidators(digest, file));
  const atRunTime = createRegistry(SCHEMAS_DIR);
  const composed = composedSchema("people/employee-wraper-full.json");
  for (const registry of [ahead, atRunTime]) registry.define(composed);
  const cases: [string, unknown][] = [
    ["envelope/error.json", { status: 1, statusCode: 404, error: { message: "not found" } }],
    ["envelope/error.json", { status: "1", error: 7 }],
    [composed.$id, { status: 0, statusCode: 200, count: 1, response: { id: 5, displayName: null } }],
    [composed.$id, { status: 0, statusCode: 200, count: 1, response: [] }],
  ];
  for (const [id, value] of cases)
    assert.deepEqual(
      ahead.validate(id, value),
      atRunTime.validate(id, value),
      `${id} ${JSON.stringify(value)}`,
    );
});
