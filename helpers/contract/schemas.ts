import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

/** Every schema under schemas/ is addressed by this base plus its path, e.g. `${SCHEMA_BASE}people/person.json`. */
export const SCHEMA_BASE = "https://schemas.workspace-conformance.test/";
export const SCHEMAS_DIR = join(__dirname, "..", "..", "schemas");
/** Every documented operation -> the schema of its `response`, or why there is none (schemas/README.md). */
export const OPERATIONS_FILE = "operations.json";
/** Data under schemas/ that is not a schema: the catalogue snapshot and the operation mapping. */
export const NOT_SCHEMAS = ["catalogue", OPERATIONS_FILE];

export type JsonSchema = { [key: string]: unknown };

/** One schema violation, in words a person reads without knowing JSON Schema. */
export interface Violation {
  /** JSON Pointer into the validated value, e.g. /response/0/displayName */
  path: string;
  message: string;
}

export interface SchemaRegistry {
  /** The schema behind an absolute URI (with an optional #/json/pointer) or a path under schemas/. */
  get(uri: string): JsonSchema;
  /** Adds a schema built at run time (e.g. an envelope around a resource), once per $id. */
  define(schema: JsonSchema & { $id: string }): string;
  validate(id: string, value: unknown): Violation[];
}

let shared: SchemaRegistry | undefined;

/** One ajv instance per process: compiling is the expensive part, validators are cached by $id. */
export function schemaRegistry(): SchemaRegistry {
  shared ??= createRegistry(SCHEMAS_DIR);
  return shared;
}

export function createRegistry(dir: string): SchemaRegistry {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
  });
  addFormats(ajv);
  const byId = new Map<string, JsonSchema>();
  for (const file of listJson(dir)) {
    const schema = JSON.parse(readFileSync(file, "utf8")) as JsonSchema;
    const expected = SCHEMA_BASE + relative(dir, file).split("\\").join("/");
    if (schema.$id !== expected) {
      throw new Error(`${file}: $id must be "${expected}" (got ${JSON.stringify(schema.$id)})`);
    }
    byId.set(expected, schema);
    ajv.addSchema(schema);
  }
  const compiled = new Map<string, ValidateFunction>();
  const absolute = (id: string) => (id.startsWith("https://") ? id : SCHEMA_BASE + id);
  return {
    get(uri) {
      const [document, fragment = ""] = absolute(uri).split("#");
      const schema = byId.get(document);
      if (!schema) throw new Error(`No schema ${document} under schemas/`);
      return fragment
        .split("/")
        .slice(1)
        .reduce<JsonSchema>((node, key) => {
          const next = node[decodeURIComponent(key).replace(/~1/g, "/").replace(/~0/g, "~")];
          if (!next || typeof next !== "object") throw new Error(`No ${fragment} in schema ${document}`);
          return next as JsonSchema;
        }, schema);
    },
    define(schema) {
      if (!byId.has(schema.$id)) {
        byId.set(schema.$id, schema);
        ajv.addSchema(schema);
      }
      return schema.$id;
    },
    validate(id, value) {
      const key = absolute(id);
      let validator = compiled.get(key);
      if (!validator) {
        validator = ajv.getSchema(key);
        if (!validator) throw new Error(`No schema ${key} under schemas/`);
        compiled.set(key, validator);
      }
      return validator(value) ? [] : describeErrors(validator.errors ?? []);
    },
  };
}

function listJson(dir: string, top = true): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (top && NOT_SCHEMAS.includes(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listJson(path, false);
    return entry.name.endsWith(".json") ? [path] : [];
  });
}

/** `/response/id must be string; /status is missing`: violations in one line, for a check's why. */
export function violationsInWords(violations: Violation[]): string {
  return violations.map((v) => `${v.path} ${v.message}`).join("; ");
}

/** ajv's errors, without the noise of combinators, in plain words. */
export function describeErrors(errors: ErrorObject[]): Violation[] {
  const seen = new Set<string>();
  const out: Violation[] = [];
  for (const error of errors) {
    if (error.keyword === "if" || error.keyword === "allOf") continue;
    const violation = describeError(error);
    const key = `${violation.path} ${violation.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(violation);
    }
  }
  return out;
}

function describeError(error: ErrorObject): Violation {
  const path = error.instancePath || "/";
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return { path: joinPointer(path, String(params.missingProperty)), message: "is missing (required)" };
    case "type":
      return { path, message: `should be ${params.type}` };
    case "const":
      return { path, message: `should be ${JSON.stringify(params.allowedValue)}` };
    case "enum":
      return { path, message: `should be one of ${JSON.stringify(params.allowedValues)}` };
    case "additionalProperties":
      return { path: joinPointer(path, String(params.additionalProperty)), message: "is not allowed here" };
    default:
      return { path, message: error.message ?? error.keyword };
  }
}

function joinPointer(base: string, key: string): string {
  return `${base === "/" ? "" : base}/${key}`;
}
