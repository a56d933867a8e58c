import { join } from "node:path";

export type Scalar = string | number | boolean;
/** A body member: a value, a list, an object (the CRM's `address`) or a list of objects (`data` of quick persons). */
export type BodyValue = Scalar | Scalar[] | Record<string, Scalar> | Record<string, Scalar>[];
export type Method = "GET" | "POST" | "PUT" | "DELETE";

export type ParamSource =
  | { value: Scalar }
  | { from: string; select: string }
  | { created: string; select: string };

/** One operation of the contract, as its YAML says, with defaults applied. */
export interface Operation {
  section: string;
  id: string;
  /** `people.get-self`: the first half of every check id of this operation. */
  key: string;
  method: Method;
  /** Path relative to the portal root, e.g. `api/2.0/people/{userid}`. */
  path: string;
  summary?: string;
  auth: "required" | "anonymous";
  creates: boolean;
  /** A GET with side effects, in words: it counts as a write (helpers/contract/effects.ts). */
  effects?: string;
  /** The documented success status: 201 for creations, 200 for anything else. */
  successStatus: 200 | 201;
  schema?: string;
  query: Record<string, Scalar>;
  params: Record<string, ParamSource>;
  unknown?: Record<string, Scalar>;
  body?: Record<string, BodyValue>;
  reflects?: Record<string, Scalar>;
  undo?: { operation: string; params: Record<string, string> };
  /**
   * The write round trip (helpers/checks/round-trip.ts). After a create or an update: the record
   * read back by this GET of the section; `params` select its placeholders' values from a create's
   * answer, and an update's GET takes the update's own placeholder values (no `params`).
   */
  readBack?: { operation: string; params?: Record<string, string> };
  /**
   * After a create: the GET of the section whose list holds the new record (its answer, or the list
   * `at` a path in it: a folder's contents list its `folders`), sent with the create's own
   * placeholder values (a post's comments). Items match on `select` (default: the member the first
   * `readBack` param selects) in the create's answer and in the list.
   */
  listedIn?: { operation: string; at?: string; select?: string };
  /** After a delete: this GET, sent with the delete's placeholder values, answers `status`. */
  gone?: { operation: string; status: number; source: string };
  volatile: string[];
  tags: string[];
  /** Where it is declared, for messages: `specs/people.yaml:12`. */
  source: string;
}

export interface Section {
  name: string;
  title: string;
  file: string;
  operations: Operation[];
}

/** A malformed contract file: every problem with its file, line and place in the document. */
export class ContractError extends Error {
  override name = "ContractError";
  constructor(readonly problems: string[]) {
    super(`Contract files are malformed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export const SPECS_DIR = join(__dirname, "..", "..", "specs");

/**
 * The module a request belongs to: the first segment under `api/2.0/` (`crm` for
 * `api/2.0/crm/contact/{id}`), as the documentation's module_base. A contract file's section is its module.
 */
export function moduleOfPath(path: string): string {
  return path.replace(/^\/?api\/2\.0\//, "").split(/[/.?]/)[0];
}

export function placeholders(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

/** Placeholders of the path and of query values (`email: "{email}"`), each once. */
export function operationPlaceholders(op: Pick<Operation, "path" | "query">): string[] {
  const inQuery = Object.values(op.query).flatMap((v) => (typeof v === "string" ? placeholders(v) : []));
  return [...new Set([...placeholders(op.path), ...inQuery])];
}
