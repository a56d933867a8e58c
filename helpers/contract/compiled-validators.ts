import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type Ajv2020 from "ajv/dist/2020";
import type { ValidateFunction } from "ajv/dist/2020";

/**
 * The schemas' validators as ajv's standalone code, generated ahead of the run (`npm ci` runs
 * `prepare`; the main process regenerates them before any worker starts when the schemas changed),
 * so no worker compiles a schema. Not committed: it lives in node_modules/.cache/ (which `npm ci`
empties, and where Playwright does not transpile what it loads: 6.7 MB through Babel cost each
process seconds). Its first line names the
 * digest of the schemas (and of ajv's version and options) it was built from; a registry uses it
 * only when that digest is its own, so a stale build is never used.
 */
export const VALIDATORS_FILE = join(
  __dirname,
  "..",
  "..",
  "node_modules",
  ".cache",
  "workspace-conformance",
  "schema-validators.cjs",
);

export type CompiledValidators = Record<string, ValidateFunction>;

const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictTypes: false,
  strictRequired: false,
  allowUnionTypes: true,
} as const;

/** The suite's ajv (JSON Schema 2020-12, with formats); `source` keeps the code for standalone output. Loaded on first use. */
export function newAjv(source = false): Ajv2020 {
  const { default: Ajv } = require("ajv/dist/2020") as typeof import("ajv/dist/2020");
  const { default: addFormats } = require("ajv-formats") as typeof import("ajv-formats");
  const ajv = new Ajv({ ...AJV_OPTIONS, ...(source && { code: { source: true } }) });
  addFormats(ajv);
  return ajv;
}

/** What the validators depend on: every schema (by $id, in order), ajv's version and options. */
export function schemaFilesDigest(schemas: ReadonlyMap<string, unknown>): string {
  const { version } = require("ajv/package.json") as { version: string };
  const hash = createHash("sha1").update(`ajv ${version} ${JSON.stringify(AJV_OPTIONS)}\n`);
  for (const id of [...schemas.keys()].sort()) hash.update(`${id}\n${JSON.stringify(schemas.get(id))}\n`);
  return hash.digest("hex");
}

const header = (digest: string) => `// schemas ${digest}\n`;

/** Whether `file` holds the validators of schemas with this digest. */
export function validatorsAreBuilt(digest: string, file = VALIDATORS_FILE): boolean {
  const expected = header(digest);
  const start = Buffer.alloc(expected.length);
  try {
    const fd = openSync(file, "r");
    try {
      readSync(fd, start, 0, start.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  return start.toString("utf8") === expected;
}

/** The validators built from schemas with this digest, or undefined (none built, or built from other schemas). */
export function compiledValidators(digest: string, file = VALIDATORS_FILE): CompiledValidators | undefined {
  return validatorsAreBuilt(digest, file) ? { ...(require(file) as CompiledValidators) } : undefined;
}

/**
 * Writes the standalone validators of `schemas` (by $id) and of each one's composition `compose`
 * (the success envelope around it) to `file`, atomically: a run reading it meanwhile sees the old or the new.
 */
export function writeValidators(
  schemas: ReadonlyMap<string, object>,
  compose: (id: string) => { $id: string },
  file = VALIDATORS_FILE,
): void {
  const ajv = newAjv(true);
  const exported: Record<string, string> = {};
  for (const [id, schema] of schemas) {
    ajv.addSchema(schema);
    exported[id] = id;
  }
  for (const id of schemas.keys()) {
    const composed = compose(id);
    ajv.addSchema(composed);
    exported[composed.$id] = composed.$id;
  }
  const { default: standaloneCode } = require("ajv/dist/standalone") as typeof import("ajv/dist/standalone");
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, header(schemaFilesDigest(schemas)) + standaloneCode(ajv, exported));
  renameSync(partial, file);
}
