import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FAMILIES, type Outcome } from "../checks/check";

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

/** What the coverage needs of a check and of the operation it ran on. */
export interface CoveredCheck {
  section: string;
  operation: string;
  family: string;
  outcome: Outcome;
}
export interface OwnOperation {
  key: string;
  section: string;
  id: string;
  method: string;
  path: string;
}

export interface OperationCoverage {
  documented?: DocumentedOperation;
  operation: OwnOperation;
  /** Check families that ran on it (not skipped), with how many of their checks passed. */
  families: { family: string; passed: number; ran: number }[];
}

export interface Coverage {
  /** Our operations whose checks ran, with the documented operation each one is. */
  exercised: OperationCoverage[];
  /** Per documentation module: documented operations (and GETs) and how many of them were exercised. */
  modules: {
    module: string;
    documented: number;
    exercised: number;
    documentedGet: number;
    exercisedGet: number;
  }[];
  documented: number;
  documentedGet: number;
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

/** Which documented operations this run's checks exercised: matched by method and path. */
export function coverage(
  operations: OwnOperation[],
  checks: CoveredCheck[],
  documented: DocumentedOperation[],
): Coverage {
  // Two documented routes may differ only in a placeholder's name (`project/{id}`, `project/{status}`,
  // told apart by route constraints): the exact path first, then the shape.
  const byPath = new Map(documented.map((doc) => [exactKey(doc.verb, doc.path), doc]));
  const byRoute = new Map(documented.map((doc) => [routeKey(doc.verb, doc.path), doc]));
  // Indexed once: thousands of checks on hundreds of operations.
  const ranOn = new Map<string, CoveredCheck[]>();
  for (const c of checks) {
    // A module check only probes whether the module is there: it exercises nothing.
    if (c.outcome === "skipped" || c.family === "module") continue;
    const key = `${c.section}.${c.operation}`;
    ranOn.set(key, [...(ranOn.get(key) ?? []), c]);
  }
  const exercised: OperationCoverage[] = [];
  for (const operation of operations) {
    const ran = ranOn.get(`${operation.section}.${operation.id}`) ?? [];
    if (!ran.length) continue;
    const order = (family: string) => (FAMILIES as readonly string[]).indexOf(family);
    const families = [...new Set(ran.map((c) => c.family))]
      .sort((a, b) => order(a) - order(b))
      .map((family) => {
        const mine = ran.filter((c) => c.family === family);
        return { family, passed: mine.filter((c) => c.outcome === "passed").length, ran: mine.length };
      });
    exercised.push({
      operation,
      documented:
        byPath.get(exactKey(operation.method, operation.path)) ??
        byRoute.get(routeKey(operation.method, operation.path)),
      families,
    });
  }
  const hit = new Set(exercised.flatMap((e) => (e.documented ? [e.documented] : [])));
  const modules = [...new Set(documented.map((d) => d.module))].map((module) => {
    const all = documented.filter((d) => d.module === module);
    const gets = all.filter((d) => d.verb === "GET");
    return {
      module,
      documented: all.length,
      exercised: all.filter((d) => hit.has(d)).length,
      documentedGet: gets.length,
      exercisedGet: gets.filter((d) => hit.has(d)).length,
    };
  });
  return {
    exercised,
    modules,
    documented: documented.length,
    documentedGet: documented.filter((d) => d.verb === "GET").length,
  };
}
