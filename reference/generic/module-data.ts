import type { FaultName } from "../faults";
import type { JsonValue } from "../wire/json-value";

/**
 * One module of the API served from data (reference/modules/<module>.ts exports it as `default`):
 * its collections of records and its read routes. No code per operation.
 */
export interface ModuleData {
  /** The module's first path segment, e.g. `project`; equals the file name. */
  module: string;
  /** Records a placeholder can name, by collection name. */
  collections: Record<string, Collection>;
  /**
   * Array members that list a collection's records wherever they appear in the module's answers, by
   * member name (a forum's `threads`), so an id read from inside another answer resolves. The
   * collection's own schema must not hold that member again.
   */
  nested?: Record<string, string>;
  /** Plausible values by member name (`title`, `description`, ...), picked for any answer of the module. */
  values?: Record<string, readonly JsonValue[]>;
  routes: GenericRoute[];
  /** Creates, updates and deletes of the collections, kept in the reference's state (reference/generic/writes.ts). */
  writes?: GenericWrite[];
}

/**
 * A documented POST, PUT or DELETE of a collection: a create adds a record its reads and lists
 * answer, an update changes what they answer, a delete removes it (its reads then answer 404).
 * Exactly one of `creates`, `updates`, `deletes`.
 */
export interface GenericWrite {
  method: "POST" | "PUT" | "DELETE";
  /** Path under api/2.0/ with {placeholders}, as documented. */
  path: string;
  /** Schema of `response`. Default: the one schemas/operations.json maps the operation to. */
  schema?: string;
  /** Placeholders or other parameters (`PUT crm/contact/merge?fromcontactid=`) naming a record, by collection: an unknown value answers 404. */
  ids?: Record<string, string>;
  /**
   * Parameters naming a record by one of its members rather than its id (`PUT crm/contact/status/reorder?titles=`,
   * a contact found by its name): an unknown one answers 404.
   */
  matched?: Record<string, { collection: string; member: string }>;
  /** POST: the collection the new record joins; the answer is the record. */
  creates?: string;
  /**
   * PUT (or a POST or DELETE acting on a record: linking, tagging, detaching): the placeholder (in
   * `ids`) whose record it changes; the answer is the record as changed.
   */
  updates?: string;
  /** DELETE (or a PUT that deletes, the CRM's batch delete): the placeholder (in `ids`) whose record it removes. */
  deletes?: string;
  /**
   * What it answers: the record (default); `nothing`, the server's method returns null or void;
   * `id`, the record's id as text (a comment's remove returns the id it was given; a CRM tag's
   * create its name); `records`, a list holding the record (a batch write of one); `{ member }`,
   * that member of the record as written (a comment's update returns its new text).
   */
  answer?: "record" | "records" | "nothing" | "id" | { member: string };
  /** A create of a child record: the placeholder (in `ids`) naming its parent (a post's comment). */
  parent?: string;
  /** Members of the record, by member, from the request's parameter of that name (`{ title: "subject" }`). */
  from?: Record<string, string>;
  /** Parameters the server refuses the request without (400), with where it does so (file:line). */
  required?: { params: string[]; source: string };
  /** A create of a collection with named ids (wiki pages): the new record's id is this parameter. */
  idFrom?: string;
  constraints?: Record<string, string>;
}

export interface Collection {
  /** Schema of one record (path under schemas/); its id member decides integer ids or Guids. */
  schema: string;
  /** The member that carries a record's id (default `id`; a calendar's is `objectId`). */
  idMember?: string;
  /** Number of records (default: the number of seeds, at least 3). */
  count?: number;
  /** Integer ids are firstId, firstId+1, ... (default 1), unless a seed gives its `id`; pick distinct ranges per collection. */
  firstId?: number;
  /**
   * Workspace 12.x answers an unknown id of some collections with 403 and a message instead of 404
   * (a folder: "The required folder was not found"; a file: "The required file was not found");
   * under the named fault, which imitates it, so does this collection.
   */
  forbiddenUnder?: { fault: FaultName; message: string };
  /** Members overlaid on record i (seeds[i]), so records read plausibly: titles, names, dates. */
  seeds?: readonly Record<string, JsonValue>[];
  /** What a freshly installed portal (reference `--empty`) has of it; without this, nothing. */
  fresh?: BuiltIn & {
    /** Its first `records` records. */
    records: number;
  };
}

/**
 * Records a fresh portal has: made by the install, or when someone first opens the CRM (a portal
 * where nobody has lacks them). `source` cites where the server makes them (CommunityServer, v12.7.1).
 */
export interface BuiltIn {
  madeBy: "install" | "crm-opened";
  source: string;
}

export interface GenericRoute {
  /** Path under api/2.0/ with {placeholders}, as documented (`project/{id}/milestone`). */
  path: string;
  /**
   * Schema of `response` (path under schemas/). Default: the one schemas/operations.json maps the
   * operation to; name one only where the answer's shape is not the generated one.
   */
  schema?: string;
  /** Placeholders or other parameters (`PUT crm/contact/merge?fromcontactid=`) naming a record, by collection: an unknown value answers 404. */
  ids?: Record<string, string>;
  /** The placeholder whose record is the answer (shaped by `schema`). */
  record?: string;
  /** The answer is every record of this collection (shaped by the items of `schema`). */
  list?: string;
  /**
   * With `list`: the placeholder naming the parent whose records it lists: records created under
   * another parent (`GenericWrite.parent`) are left out; seeded records are listed under every parent.
   */
  of?: string;
  /** Regular expressions a placeholder must match for the route to match (the server's route constraints). */
  constraints?: Record<string, string>;
  /** Any caller may read it, as the server's `[Read(path, false)]` (operations.tsv `anonymous`). */
  anonymous?: true;
  /**
   * On a fresh portal an answer that is a list without `list:` is empty (it lists records, and there
   * are none), unless the list is built in: a catalogue of the server's, or one the install makes.
   */
  builtIn?: BuiltIn;
}
