import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type Ajv2020 from "ajv/dist/2020";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020";
import {
  type CompiledValidators,
  compiledValidators,
  newAjv,
  schemaFilesDigest,
  validatorsAreBuilt,
  writeValidators,
} from "./compiled-validators";

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

/**
 * One registry per process. Validators come compiled ahead of the run (helpers/contract/compiled-validators.ts:
 * compiling the schemas a worker used cost it ~1.2 s of CPU, and every restarted worker paid it again);
 * ajv itself is loaded only for a schema that is not among them (one defined at run time, a stale build).
 */
export function schemaRegistry(): SchemaRegistry {
  shared ??= createRegistry(SCHEMAS_DIR, compiledValidators);
  return shared;
}

/** The success envelope around one resource schema (a path under schemas/): what a read's body must match. */
export function composedSchema(resource: string): JsonSchema & { $id: string } {
  return {
    $id: `${SCHEMA_BASE}composed/${resource}`,
    allOf: [{ $ref: `${SCHEMA_BASE}envelope/success.json` }],
    properties: { response: { $ref: `${SCHEMA_BASE}${resource}` } },
  };
}

/**
 * Builds the validators of every schema under schemas/ and of its composition with the success
 * envelope, unless those built already match the schemas: `npm ci` (prepare) and the main process
 * before its workers start. Says what it did; a build that cannot be written (a read-only
 * node_modules, say) leaves the validators to be compiled at run time, as they were before.
 */
export function ensureValidators(): "built" | "up to date" | `not built: ${string}` {
  const schemas = readSchemaFiles(SCHEMAS_DIR);
  // This process's registry, from the schemas just read (reading them is a tenth of a second).
  const registry = () => {
    shared ??= registryOf(schemas, compiledValidators);
  };
  if (validatorsAreBuilt(schemaFilesDigest(schemas))) {
    registry();
    return "up to date";
  }
  try {
    writeValidators(schemas, (id) => composedSchema(id.slice(SCHEMA_BASE.length)));
  } catch (error) {
    registry();
    return `not built: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
  }
  registry();
  return "built";
}

/** Every schema file under `dir`, by its `$id` (checked against its path). */
export function readSchemaFiles(dir: string): Map<string, JsonSchema> {
  const byId = new Map<string, JsonSchema>();
  for (const file of listJson(dir)) {
    const schema = JSON.parse(readFileSync(file, "utf8")) as JsonSchema;
    const expected = SCHEMA_BASE + relative(dir, file).split("\\").join("/");
    if (schema.$id !== expected) {
      throw new Error(`${file}: $id must be "${expected}" (got ${JSON.stringify(schema.$id)})`);
    }
    byId.set(expected, schema);
  }
  return byId;
}

/**
 * `precompiled`, given the schemas' digest, returns the validators built ahead of the run from exactly
 * these schemas (or nothing, and ajv compiles at run time).
 */
export function createRegistry(
  dir: string,
  precompiled?: (digest: string) => CompiledValidators | undefined,
): SchemaRegistry {
  return registryOf(readSchemaFiles(dir), precompiled);
}

function registryOf(
  byId: Map<string, JsonSchema>,
  precompiled?: (digest: string) => CompiledValidators | undefined,
): SchemaRegistry {
  const ready: CompiledValidators = precompiled?.(schemaFilesDigest(byId)) ?? {};
  let ajv: Ajv2020 | undefined;
  const compiler = () => {
    if (!ajv) {
      ajv = newAjv();
      for (const schema of byId.values()) ajv.addSchema(schema);
    }
    return ajv;
  };
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
      if (byId.has(schema.$id)) return schema.$id;
      byId.set(schema.$id, schema);
      // A validator built ahead is for the composed schema of that name as composedSchema makes it, no other.
      const resource = schema.$id.startsWith(`${SCHEMA_BASE}composed/`)
        ? schema.$id.slice(`${SCHEMA_BASE}composed/`.length)
        : undefined;
      if (!resource || JSON.stringify(schema) !== JSON.stringify(composedSchema(resource)))
        delete ready[schema.$id];
      ajv?.addSchema(schema);
      return schema.$id;
    },
    validate(id, value) {
      const key = absolute(id);
      let validator: ValidateFunction | undefined = ready[key] ?? compiled.get(key);
      if (!validator) {
        if (!byId.has(key.split("#")[0])) throw new Error(`No schema ${key} under schemas/`);
        validator = compiler().getSchema(key);
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
