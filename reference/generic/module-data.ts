import type { FaultName } from "../faults";
import type { Store } from "../store/model";
import type { JsonObject, JsonValue } from "../wire/json-value";

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
  /** Settings of the portal: one value each, which its writes change (reference/generic/settings.ts). */
  settings?: GenericSetting[];
}

/**
 * A setting whose record is the portal itself (the password policy, the audit lifetime): its GET
 * answers the value its writes last set, as a fresh portal has it until then.
 */
export interface GenericSetting {
  /**
   * The GET (path under api/2.0/) that answers it; its schema is schemas/operations.json's. None:
   * no operation reads it (a subscription a write toggles), and it is known by its first write's path.
   */
  read?: string;
  /** The read's `response` on a fresh portal. */
  value: JsonValue;
  writes: SettingWrite[];
}

export interface SettingWrite {
  method: "POST" | "PUT";
  path: string;
  /**
   * Members of the value (a path: `tfaSettings.trustedIps`), by member, from the request's parameter
   * of that name (`settings[auditTrailLifeTime]` for a member of a complex parameter; `allowedAdmins[]`
   * for a list whose fresh value is null). A member the request leaves out keeps its value, unless `replaces`.
   */
  from?: Record<string, string>;
  /** A member the request leaves out is reset to the fresh portal's value: the server saves a new object. */
  replaces?: true;
  /** A setting that is a list: the request's items replace it (reference/generic/settings.ts). */
  items?: SettingItems;
  /** A boolean member each request turns over (a subscription on, then off). */
  toggles?: string;
  /**
   * What it answers: the setting as written (default), the items as sent, nothing (void), true, or
   * `{ member }`, that member of the setting as written.
   */
  answer?: "setting" | "sent" | "nothing" | "true" | { member: string };
}

/**
 * The items of a list setting a write sends (`ips[0][ip]`, `ips[0][forAdmin]`, ...), each member
 * from the item's parameter of that name.
 */
export interface SettingItems {
  param: string;
  from: Record<string, string>;
  /** A member numbered afresh on every write, as rows the server deletes and inserts again (an IP restriction's id). */
  numbered?: string;
  /**
   * The list is the server's catalogue (the modules full-text search covers): every fresh item stays,
   * with the members of the sent item whose `key` member equals its own, or `absent` when none was sent.
   */
  catalogue?: { key: string; absent: JsonObject };
}

/**
 * A documented POST, PUT or DELETE of a collection: a create adds a record its reads and lists
 * answer, an update changes what they answer, a delete removes it (its reads then answer 404).
 * Exactly one of `creates`, `updates`, `deletes`, `singleton`, `lists`, `acts`.
 */
export interface GenericWrite {
  /**
   * As documented. A create is a POST, an update a PUT, a delete a DELETE, except where the server
   * declares otherwise (mail: PUT drafts/save saves a new draft, POST signature/update/{id} updates,
   * PUT messages/remove removes).
   */
  method: "POST" | "PUT" | "DELETE";
  /** Path under api/2.0/ with {placeholders}, as documented. */
  path: string;
  /** Schema of `response`. Default: the one schemas/operations.json maps the operation to. */
  schema?: string;
  /** Placeholders or other parameters (`PUT crm/contact/merge?fromcontactid=`) naming a record, by collection: an unknown value answers 404. */
  ids?: Record<string, string>;
  /**
   * Parameters of the query or body naming a record, by collection, as `ids` does for placeholders:
   * routes that take the id outside the path (mail's PUT contact/update?id=...).
   */
  params?: Record<string, string>;
  /**
   * Parameters naming a record by one of its members rather than its id (`PUT crm/contact/status/reorder?titles=`,
   * a contact found by its name): an unknown one answers 404.
   */
  matched?: Record<string, { collection: string; member: string }>;
  /**
   * Ids that name no record are skipped, not refused (404): the server's engines act on the records
   * they find among the ids sent (mail's messages/remove, MessageEngine.cs:887).
   */
  skipsUnknown?: true;
  /** A POST that reads: the answer is every record of the collection (mail's filters/check). */
  lists?: string;
  /** An update of the collection's one record, named by no parameter (mail's settings flags). */
  singleton?: string;
  /** Names in `ids` that are body parameters, not path placeholders (`PUT calendar/icsevent` names its event in the body). */
  bodyIds?: string[];
  /** The collection the new record joins; the answer is the record. */
  creates?: string;
  /** The placeholder or parameter (in `ids` or `params`) whose record it changes; the answer is the record as changed. */
  updates?: string;
  /** The placeholder or parameter (in `ids` or `params`) whose record it removes. */
  deletes?: string;
  /**
   * Any method: an action on what no collection keeps (a project's team, a preview), answered 200
   * with its schema made up as a read's; `ids` still name the records it needs.
   */
  acts?: true;
  /**
   * With `acts`: the action makes records no collection keeps (events imported from an iCal string
   * into a calendar, whose delete removes them), answered 201 as a creation.
   */
  makes?: true;
  /**
   * What it answers: the record (default); `nothing`, the server's method returns null or void;
   * `id`, the record's id as the schema types it: text (a comment's remove returns the id it was
   * given), an integer, or a list holding it (mail's messages/remove returns the ids); `{ member }`,
   * that member of the record as written (a comment's update returns its new text); `records`, a
   * list holding the record (a batch write of one, a quick create); `{ param }`,
   * that parameter as the schema types it (mail's attachment delete returns the message id).
   */
  answer?: "record" | "records" | "nothing" | "id" | { member: string } | { param: string };
  /**
   * A create whose answer names the new record's id by another member than the collection's (a
   * comment added by entity answers CommentInfo, whose id is `commentID`).
   */
  answerId?: string;
  /** A create of a child record: the placeholder (in `ids`) naming its parent (a post's comment). */
  parent?: string;
  /** With `parent`: the new record's member that carries its parent's id (a subtask's `taskId`). */
  parentMember?: string;
  /** Members of the record, by member, from the request's parameter of that name (`{ title: "subject" }`). */
  from?: Record<string, string>;
  /**
   * A create (or an update: a contact's photo) from the request's first uploaded file
   * (reference/http/uploads.ts; none is 400): its filename and byte count as the members named
   * (`{ name: "title", size: "pureContentLength" }`); `id: true` names the record by the filename (a wiki file).
   */
  fromUpload?: { name?: string; size?: string; id?: true };
  /**
   * A batch write: the records a list parameter names (`casesids`, sent as repeated keys, an array or
   * one comma-separated value), each updated or deleted, answered as a list; a value that names no
   * record is passed over, as the server's batch methods do. `updates` or `deletes` names `param`;
   * a batch delete may be a PUT (the server's "Delete cases by IDs" is one). `match` is the member the
   * values are compared with (default the id; a reorder names categories by `title`), and `order` the
   * member set to each record's position in the list (a reorder's `sortOrder`).
   */
  batch?: { param: string; collection: string; match?: string; order?: string };
  /**
   * A link, not a record (a contact made a case's member): with `creates`, the link is kept under its
   * `parent` and answered 200, as a POST that makes no record is; with `deletes`, the link of that
   * collection the placeholder names under `parent` is removed (none there: nothing changes) and the
   * answer is the record the placeholder names in `ids`. A record's delete removes its links.
   */
  link?: string;
  /**
   * With `updates` or `deletes`: the records of this collection made under the record (their
   * `parent`) go with the write, as tags no project uses are swept when a project is retagged or
   * deleted (TagDao.cs:139-152, ProjectDao.cs:648).
   */
  sweeps?: string;
  /** Members the write sets whatever was sent (a case's close sets `isClosed: true`). */
  set?: Record<string, JsonValue>;
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
  /**
   * The records the hand-written routes hold (files: seeded and created alike, request.store.files),
   * when they are this collection's: a file a run made has its properties, sharing and versions too.
   */
  held?: (store: Store) => JsonObject[];
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
   * A POST or PUT that stores nothing the reference keeps (a comment's preview, a time zone's offsets,
   * a subscription): answered from `schema` like a read, 200. Default GET.
   */
  method?: "POST" | "PUT" | "DELETE";
  /**
   * Schema of `response` (path under schemas/). Default: the one schemas/operations.json maps the
   * operation to; name one only where the answer's shape is not the generated one.
   */
  schema?: string;
  /** Placeholders or other parameters (`PUT crm/contact/merge?fromcontactid=`) naming a record, by collection: an unknown value answers 404. */
  ids?: Record<string, string>;
  /** The placeholder whose record is the answer (shaped by `schema`). */
  record?: string;
  /** The answer is the one record of this collection (a user's settings, changed by a `singleton` write). */
  singleton?: string;
  /** The answer is every record of this collection (shaped by the items of `schema`). */
  list?: string;
  /**
   * With `list`: the placeholder naming the parent whose records it lists: records created under
   * another parent (`GenericWrite.parent`), or under none, are left out; seeded records are listed
   * under every parent.
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
