import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { OPERATIONS_FILE, SCHEMAS_DIR } from "../../../helpers/contract/schemas";
import { generatedFiles, listSchemaFiles } from "../../../scripts/schema-generator/files";

test("the committed generated schemas and operations.json are exactly what npm run generate-schemas writes", (t) => {
  const out = mkdtempSync(join(tmpdir(), "generate-schemas-"));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/generate-schemas.ts", "--out", out], {
    cwd: join(SCHEMAS_DIR, ".."),
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr);
  const produced = [...listSchemaFiles(out), OPERATIONS_FILE].sort();
  const committed = [...generatedFiles(SCHEMAS_DIR), OPERATIONS_FILE].sort();
  assert.deepEqual(committed, produced, "run npm run generate-schemas and commit the result");
  for (const path of produced) {
    assert.equal(
      readFileSync(join(SCHEMAS_DIR, path), "utf8"),
      readFileSync(join(out, path), "utf8"),
      `schemas/${path} differs from what the generator writes`,
    );
  }
  assert.match(run.stdout, /operations mapped/);
});

test("every documented operation has a schema or a reason, and every schema it names is a file", () => {
  const operations = JSON.parse(readFileSync(join(SCHEMAS_DIR, OPERATIONS_FILE), "utf8")) as Record<
    string,
    { schema?: string; none?: string }
  >;
  const tsv = readFileSync(join(SCHEMAS_DIR, "..", "specs", "coverage", "operations.tsv"), "utf8")
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .map(([, verb, path]) => `${verb} ${path}`);
  assert.deepEqual(Object.keys(operations).sort(), [...tsv].sort());
  const files = new Set(listSchemaFiles(SCHEMAS_DIR));
  for (const [key, mapped] of Object.entries(operations)) {
    if (mapped.schema) assert.ok(files.has(mapped.schema), `${key}: ${mapped.schema} is no file`);
    else assert.ok(mapped.none, `${key}: neither a schema nor a reason`);
  }
});
