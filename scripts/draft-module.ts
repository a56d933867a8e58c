/**
 * Writes the first draft of one module's contract and reference data from the catalogue, for a
 * person to review (reference/modules/README.md says how):
 *   specs/<module>.yaml          one entry per documented GET, its schema, discovery, unknown values
 *   reference/modules/<module>.ts the routes the reference serves, collections to fill with seeds
 * Existing files are never overwritten. Lines marked TODO need a decision.
 *
 *   npx tsx scripts/draft-module.ts <module> [path/to/operations.tsv]
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { SIDE_EFFECT_GETS as EFFECTS } from "./side-effect-gets";

const ROOT = join(__dirname, "..");
const UNKNOWN_INTEGER = 999999999;
const UNKNOWN_GUID = "00000000-0000-4000-8000-00000000dead";
// The loader refuses these until a person cites CommunityServer v12.7.1 (docs/checks.md, "Contract values").
const CITE_NOT_FOUND = "TODO: the line that throws ItemNotFoundException for it, or drop the entry";
const CITE_TYPE = "TODO: the parameter's type and its members";

interface Row {
  path: string;
  summary: string;
  constraints: Record<string, string>;
  schema: string;
  /** Any caller may read it (operations.tsv `anonymous`). */
  anonymous: boolean;
}

function fail(message: string): never {
  console.error(`draft-module: ${message}`);
  process.exit(2);
}

const [module, source = join(ROOT, "..", "shared", "api", "operations.tsv")] = process.argv.slice(2);
if (!module || !/^[a-z][a-z0-9-]*$/.test(module)) fail("usage: draft-module.ts <module> [operations.tsv]");
if (!existsSync(source)) fail(`no catalogue at ${source} (pass its path)`);
const mapping = JSON.parse(readFileSync(join(ROOT, "schemas", "operations.json"), "utf8")) as Record<
  string,
  { schema?: string }
>;
const [header = "", ...lines] = readFileSync(source, "utf8").trimEnd().split("\n");
const columns = header.split("\t");
const rows: Row[] = lines
  .map((line) => line.split("\t"))
  .map((cells) => (name: string) => cells[columns.indexOf(name)] ?? "")
  .filter(
    (cell) => cell("module_base") === module && cell("verb") === "GET" && cell("doc_visible") !== "false",
  )
  .map((cell) => ({
    path: cell("path"),
    summary: cell("doc_short"),
    constraints: Object.fromEntries(
      cell("constraints")
        .split(";")
        .filter(Boolean)
        .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
    ),
    schema: mapping[`GET ${cell("path")}`]?.schema ?? "",
    anonymous: cell("anonymous") === "true",
  }));
if (rows.length === 0) fail(`no documented GET of module "${module}" in ${source}`);

const placeholders = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
/** `project/task-wrapper-full-list.json` -> `task-wrapper`: summary, full and list forms share it. */
const stem = (schema: string) =>
  basename(schema, ".json")
    .replace(/-list$/, "")
    .replace(/-full$/, "");
const collectionOf = (schema: string) =>
  `${stem(schema).replace(/-wrapp?er$/, "")}s`.replace(/-(\w)/g, (_, c) => c.toUpperCase());
/** The by-id route a placeholder belongs to: the path up to it, then one placeholder of any name. */
const owner = (path: string, name: string) => {
  const before = path.slice(0, path.indexOf(`{${name}}`)).replace(/[.*+?^$()|[\]\\]/g, "\\$&");
  const byId = new RegExp(`^${before.replace(/\\\{[^}]+\\\}|\{[^}]+\}/g, "\\{[^}]+\\}")}\\{[^}]+\\}$`);
  const constraint = rows.find((row) => row.path === path)?.constraints[name];
  // Same constraint on both (e.g. [0-9]+), so {year} is not taken for {id}.
  const sameKind = (row: Row) => row.constraints[placeholders(row.path).at(-1) ?? ""] === constraint;
  return rows.find((row) => byId.test(row.path) && !row.schema.endsWith("-list.json") && sameKind(row));
};
const enumeration = (constraint = "") => /^\(([\w|]+)\)$/.exec(constraint)?.[1]?.split("|");
/** A placeholder-free list whose items are the owner's records. */
const lister = (schema: string) =>
  rows.find(
    (row) =>
      placeholders(row.path).length === 0 &&
      row.schema.endsWith("-list.json") &&
      stem(row.schema) === stem(schema),
  );

const yaml: string[] = [
  `# ${module}: drafted by scripts/draft-module.ts; review every TODO.`,
  `section: ${module}`,
  `title: ${module}`,
  "operations:",
];
const routes: string[] = [];
const collections = new Map<string, string>();
const keys = new Set<string>();
for (const row of rows) {
  for (const name of placeholders(row.path)) {
    const ownerRow = owner(row.path, name);
    if (ownerRow && lister(ownerRow.schema)) collections.set(collectionOf(ownerRow.schema), ownerRow.schema);
  }
}
for (const row of rows) {
  let key =
    row.path
      .replace(/^[^/]+\/?/, "")
      .replace(/[{}@]/g, "")
      .replace(/[^a-z0-9]+/gi, "-")
      .toLowerCase()
      .replace(/^-|-$/g, "") || "list";
  while (keys.has(key)) key += "-2";
  keys.add(key);
  yaml.push(
    `  ${key}:`,
    `    request: GET api/2.0/${row.path}`,
    `    summary: ${JSON.stringify(row.summary)}`,
  );
  yaml.push(row.schema ? `    schema: ${row.schema}` : "    # TODO schema: operations.json names none");
  if (EFFECTS[row.path]) yaml.push(`    effects: ${JSON.stringify(EFFECTS[row.path])}`);
  if (row.anonymous) yaml.push("    auth: anonymous");
  const params: string[] = [];
  const unknown: string[] = [];
  const ids: string[] = [];
  for (const name of placeholders(row.path)) {
    const values = enumeration(row.constraints[name]);
    const ownerRow = owner(row.path, name);
    const list = ownerRow && lister(ownerRow.schema);
    if (values) params.push(`      ${name}: { value: ${values[0]}, source: "${CITE_TYPE}" }`);
    else if (ownerRow && list) {
      params.push(`      ${name}: { from: GET api/2.0/${list.path}, select: "[0].id" }`);
      const value = row.constraints[name] === "[0-9]+" ? UNKNOWN_INTEGER : UNKNOWN_GUID;
      unknown.push(`      ${name}: { value: ${value}, source: "${CITE_NOT_FOUND}" }`);
      const collection = collectionOf(ownerRow.schema);
      collections.set(collection, ownerRow.schema);
      ids.push(`${name}: "${collection}"`);
    } else
      params.push(
        `      ${name}: { value: TODO, source: "${CITE_TYPE}" } # TODO: discover it or give a value`,
      );
  }
  if (params.length > 0) yaml.push("    params:", ...params);
  if (unknown.length > 0) yaml.push("    unknown:", ...unknown);
  // The route's schema defaults to the one operations.json maps it to (reference/generic/module-data.ts).
  const fields = [
    `path: "${row.path}"`,
    ...(row.schema ? [] : ['schema: "TODO"']),
    ...(row.anonymous ? ["anonymous: true"] : []),
  ];
  if (ids.length > 0) fields.push(`ids: { ${ids.join(", ")} }`);
  const last = placeholders(row.path).at(-1);
  if (
    last &&
    row.path.endsWith(`{${last}}`) &&
    ids.some((id) => id.startsWith(`${last}:`)) &&
    !row.schema.endsWith("-list.json")
  )
    fields.push(`record: "${last}"`);
  else if (row.schema.endsWith("-list.json") && collections.has(collectionOf(row.schema)))
    fields.push(`list: "${collectionOf(row.schema)}"`);
  const constraints = Object.entries(row.constraints).map(
    ([name, pattern]) => `${name}: ${JSON.stringify(pattern)}`,
  );
  if (constraints.length > 0) fields.push(`constraints: { ${constraints.join(", ")} }`);
  routes.push(`    { ${fields.join(", ")} },`);
}

const reference = [
  'import type { ModuleData } from "../generic/module-data";',
  "",
  `// Drafted by scripts/draft-module.ts: add seeds (plausible titles, names, dates) and review list/record.`,
  "const data: ModuleData = {",
  `  module: "${module}",`,
  "  collections: {",
  ...[...collections].map(([name, schema]) => `    ${name}: { schema: "${schema}" },`),
  "  },",
  "  routes: [",
  ...routes,
  "  ],",
  "};",
  "",
  "export default data;",
  "",
].join("\n");

for (const [file, text] of [
  [join(ROOT, "specs", `${module}.yaml`), `${yaml.join("\n")}\n`],
  [join(ROOT, "reference", "modules", `${module}.ts`), reference],
] as const) {
  if (existsSync(file)) console.log(`${file} exists; left alone`);
  else {
    writeFileSync(file, text);
    console.log(`${file}: drafted`);
  }
}
