/**
 * Refreshes specs/coverage/operations.tsv, the documented operations the coverage table is computed
 * against, from the project workspace's operations.tsv (../shared/api/operations.tsv, read its
 * operations.md). The suite never reads the workspace at run time: CI has only the clone.
 *
 *   npm run refresh-operations [-- path/to/operations.tsv]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DOCUMENTED_OPERATIONS_FILE } from "../helpers/contract/documented";

const source = process.argv[2] ?? join(__dirname, "..", "..", "shared", "api", "operations.tsv");
const [header, ...rows] = readFileSync(source, "utf8").trimEnd().split("\n");
const columns = header.split("\t");
const field = (row: string[], name: string) => row[columns.indexOf(name)] ?? "";
// The documented set, as operations.md defines it: not hidden from the docs, not the sample module.
const documented = rows
  .map((line) => line.split("\t"))
  .filter((row) => field(row, "doc_visible") !== "false" && field(row, "module_base") !== "sample")
  .map((row) =>
    ["module_base", "verb", "path", "anonymous", "doc_category", "doc_short"].map((name) => field(row, name)),
  )
  .sort((a, b) => `${a[0]} ${a[2]} ${a[1]}`.localeCompare(`${b[0]} ${b[2]} ${b[1]}`));
const out = [["module", "verb", "path", "anonymous", "category", "summary"], ...documented];
writeFileSync(
  join(__dirname, "..", DOCUMENTED_OPERATIONS_FILE),
  `${out.map((row) => row.join("\t")).join("\n")}\n`,
);
console.log(`${DOCUMENTED_OPERATIONS_FILE}: ${documented.length} documented operations from ${source}`);
