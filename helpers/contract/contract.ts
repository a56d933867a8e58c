import { join } from "node:path";

export type Scalar = string | number | boolean;
/** What a body member holds: a value, a list, or an object (`share: [{ shareTo, access }]`). */
export type BodyValue = Scalar | BodyValue[] | { [member: string]: BodyValue };
export type Method = "GET" | "POST" | "PUT" | "DELETE";

/**
 * A small file a write sends (`upload:` in YAML): as multipart/form-data, the file a part named
 * `field` beside the body's members as text parts, which the server reads from Request.Files
 * (module/ASC.Api/ASC.Api/Impl/ApiArgumentBuilder.cs:97-110); or `raw`, the file itself as the
 * request body with a Content-Disposition naming it, read as the request stream and its filename
 * (ApiArgumentBuilder.cs:87-91, 106-110).
 */
export interface Upload {
  as: "multipart" | "raw";
  field: string;
  /** The file's name: `{unique}.txt` names it as the run's own. */
  name: string;
  contentType: string;
  content: string;
  /** `base64`: the content is the file's bytes in base64 (an image the server decodes), sent as those bytes. */
  encoding?: "base64";
}

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
  /**
   * required: refused without credentials (401). anonymous: succeeds without any. optional: documented
   * as needing none, yet it acts for the caller (a file's copy): sent with them, and no refusal is expected.
   */
  auth: "required" | "anonymous" | "optional";
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
  /** A file it sends (helpers/http/client.ts encodes it); the request-body family does not apply. */
  upload?: Upload;
  reflects?: Record<string, Scalar>;
  /**
   * The operation that removes what this one created; `before`, one sent ahead of it (a user is
   * suspended before it can be deleted), with values read from the same answer.
   */
  undo?: {
    operation: string;
    params: Record<string, string>;
    before?: { operation: string; params: Record<string, string> };
  };
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
  /**
   * A write other than a DELETE that removes the records it names (a PUT that deletes by ids); or
   * only the record of one placeholder (a file moved into a folder whose undo removes it with it).
   */
  removes?: true | string;
  /**
   * A settings-like write (helpers/checks/restore.ts): before its first request the current value is
   * read with the section's GET `read`, and afterwards sent back through this same operation, each
   * member of `body` taken from the read's answer at its path (`""`: the whole answer).
   */
  restore?: { read: string; body: Record<string, string> };
  /** Could lock the run's account or other people out: sent to WORKSPACE_URL only with WORKSPACE_ALLOW_SETTINGS_WRITES=true too. */
  locksOut?: true;
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

/** Every text a body member holds, however deep. */
export function bodyTexts(value: BodyValue): string[] {
  if (typeof value === "string") return [value];
  if (typeof value !== "object") return [];
  return (Array.isArray(value) ? value : Object.values(value)).flatMap(bodyTexts);
}

/**
 * Placeholders of the path, of query values (`email: "{email}"`) and of body values (`fileIds:
 * ["{fileid}"]`, `{unique}` aside: the run's fresh name), each once.
 */
export function operationPlaceholders(
  op: Pick<Operation, "path" | "query"> & { body?: Operation["body"] },
): string[] {
  const texts = [...Object.values(op.query), ...Object.values(op.body ?? {})].flatMap(bodyTexts);
  const inValues = texts.flatMap((text) => placeholders(text).filter((name) => name !== "unique"));
  return [...new Set([...placeholders(op.path), ...inValues])];
}
