import { readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";

/** A JSON Schema node, read as plain data (the reference does not validate, it only builds answers). */
export type SchemaNode = { [keyword: string]: unknown };

/** A schema node and the file it sits in, relative to schemas/ (e.g. `project/task-wrapper.json`). */
export interface Located {
  node: SchemaNode;
  file: string;
}

const SCHEMAS_DIR = join(__dirname, "..", "..", "schemas");
const documents = new Map<string, SchemaNode>();

/** One schema document by its path under schemas/; read once per process. */
export function schemaDocument(file: string): SchemaNode {
  let document = documents.get(file);
  if (!document) {
    try {
      document = JSON.parse(readFileSync(join(SCHEMAS_DIR, file), "utf8")) as SchemaNode;
    } catch (error) {
      throw new Error(`reference: cannot read schema schemas/${file}: ${(error as Error).message}`);
    }
    documents.set(file, document);
  }
  return document;
}

/** Follows `$ref` (relative file, optional #/json/pointer) until a node without one. */
export function resolve(located: Located): Located {
  let current = located;
  for (let hops = 0; typeof current.node.$ref === "string"; hops++) {
    if (hops > 32) throw new Error(`reference: $ref loop at schemas/${current.file}`);
    const [target = "", pointer = ""] = (current.node.$ref as string).split("#");
    const file = target ? posix.normalize(posix.join(dirname(current.file), target)) : current.file;
    const node = pointer
      .split("/")
      .slice(1)
      .reduce<SchemaNode>(
        (at, key) => at[decodeURIComponent(key).replace(/~1/g, "/").replace(/~0/g, "~")] as SchemaNode,
        schemaDocument(file),
      );
    current = { node, file };
  }
  return current;
}

/** The root of a schema file under schemas/. */
export function schemaAt(file: string): Located {
  return { node: schemaDocument(file), file };
}

/** The branches of anyOf/oneOf, or the node itself. */
export function branches(located: Located): Located[] {
  const { node, file } = resolve(located);
  const alternatives = (node.anyOf ?? node.oneOf) as SchemaNode[] | undefined;
  return alternatives ? alternatives.map((branch) => resolve({ node: branch, file })) : [{ node, file }];
}

/** The JSON types a node allows, through $ref and anyOf/oneOf ("integer" implies "number"). */
export function typesOf(located: Located): Set<string> {
  const types = new Set<string>();
  for (const branch of branches(located)) {
    const type = branch.node.type;
    for (const name of Array.isArray(type) ? type : type ? [type] : []) types.add(String(name));
    if (branch.node.enum) types.add("integer");
  }
  if (types.has("integer")) types.add("number");
  return types;
}

/** The object branch of a node (its properties and required members), if it has one. */
export function objectBranch(located: Located): Located | undefined {
  return branches(located).find((branch) => branch.node.properties || branch.node.type === "object");
}

let routeSchemas: Map<string, string | undefined> | undefined;

/** `GET people/{userid}` -> `GET people/{}`: how a route and the catalogue's operation pair up. */
function withoutPlaceholderNames(method: string, path: string): string {
  return `${method} ${path.replace(/\{[^}]*\}/g, "{}")}`;
}

/**
 * The schema of an operation's `response`, as schemas/operations.json maps it (`GET project/{id}`
 * -> `project/project-wrapper-full.json`); a route whose placeholders are named otherwise than the
 * catalogue's (`people/{userid}`, `people/{username}` there) by its shape, when only one operation
 * has that shape. Undefined when it names none.
 */
export function routeSchema(method: string, path: string): string | undefined {
  const operations = schemaDocument("operations.json") as Record<string, { schema?: string }>;
  const exact = operations[`${method} ${path}`];
  if (exact) return exact.schema;
  if (!routeSchemas) {
    routeSchemas = new Map();
    for (const [operation, { schema }] of Object.entries(operations)) {
      const [verb = "", template = ""] = operation.split(" ");
      const shape = withoutPlaceholderNames(verb, template);
      // Two operations of one shape (`data/{id}`, `data/{infoType}`): neither is meant.
      routeSchemas.set(shape, routeSchemas.has(shape) ? undefined : schema);
    }
  }
  return routeSchemas.get(withoutPlaceholderNames(method, path));
}
