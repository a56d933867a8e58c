import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The documented operations, a snapshot refreshed by `npm run refresh-operations` (scripts/). */
export const DOCUMENTED_OPERATIONS_FILE = "specs/coverage/operations.tsv";

export interface DocumentedOperation {
  module: string;
  verb: string;
  /** Relative to `api/2.0/`, as the documentation writes it: `people/{username}`. */
  path: string;
  category: string;
  summary: string;
}

export function documentedOperations(root = join(__dirname, "..", "..")): DocumentedOperation[] {
  const [, ...rows] = readFileSync(join(root, DOCUMENTED_OPERATIONS_FILE), "utf8").trimEnd().split("\n");
  return rows.map((line) => {
    const [module, verb, path, , category, summary] = line.split("\t");
    return { module, verb, path, category, summary };
  });
}

/** `GET people/{}`: placeholders' names differ between our YAML and the docs (`{userid}`, `{username}`). */
function exactKey(verb: string, path: string): string {
  return `${verb} ${path.replace(/^\/?api\/2\.0\//, "").toLowerCase()}`;
}

/** The exact key with every placeholder unnamed: `GET project/{}`. */
function routeKey(verb: string, path: string): string {
  return exactKey(verb, path).replace(/\{[^}]*\}/g, "{}");
}

/** Which documented operation a method and path of the contract is, if any. */
export function documentedMatcher(
  documented: DocumentedOperation[],
): (method: string, path: string) => DocumentedOperation | undefined {
  // Two documented routes may differ only in a placeholder's name (`project/{id}`, `project/{status}`,
  // told apart by route constraints): the exact path first, then the shape.
  const byPath = new Map(documented.map((doc) => [exactKey(doc.verb, doc.path), doc]));
  const byRoute = new Map(documented.map((doc) => [routeKey(doc.verb, doc.path), doc]));
  return (method, path) => byPath.get(exactKey(method, path)) ?? byRoute.get(routeKey(method, path));
}

export function isWrite(operation: DocumentedOperation): boolean {
  return operation.verb !== "GET";
}
