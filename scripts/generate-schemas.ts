/**
 * Writes the JSON Schemas of the server's response types, and schemas/operations.json (every documented
 * operation -> its schema or why there is none), from the catalogue snapshot schemas/catalogue/wrappers.json.
 * Hand-written schemas (the object/dynamic roots, common/) are inputs and are never overwritten.
 * See schemas/README.md.
 *
 *   npm run generate-schemas [-- --out <dir>]     (default: schemas/)
 */
import { join } from "node:path";
import { readCatalogue } from "./schema-generator/catalogue";
import {
  danglingRefs,
  handWrittenFiles,
  listSchemaFiles,
  renderAll,
  writeAll,
} from "./schema-generator/files";
import { generate } from "./schema-generator/generate";

const SCHEMAS = join(__dirname, "..", "schemas");

try {
  const outFlag = process.argv.indexOf("--out");
  const out = outFlag >= 0 ? process.argv[outFlag + 1] : SCHEMAS;
  if (!out) throw new Error("--out needs a directory");
  const catalogue = readCatalogue();
  const generated = generate(catalogue, handWrittenFiles(SCHEMAS));
  const dangling = danglingRefs(generated, new Set(listSchemaFiles(SCHEMAS)));
  if (dangling.length > 0) throw new Error(`references to no file: ${dangling.join("; ")}`);
  const { removed } = writeAll(out, renderAll(generated));
  console.log(`${catalogue.source} -> ${out}`);
  for (const [what, n] of Object.entries(generated.counts)) console.log(`  ${what}: ${n}`);
  if (removed.length > 0) console.log(`  removed (no longer generated): ${removed.join(", ")}`);
} catch (error) {
  // A catalogue the rules do not cover is a setup problem: one line, no stack.
  process.stderr.write(`generate-schemas: ${(error as Error).message}\n`);
  process.exit(2);
}
