import { randomUUID } from "node:crypto";
import { badRequest, RecordNotFoundError } from "../http/errors";
import type { Upload } from "../http/uploads";
import { type AuthenticatedRequest, authenticated, type HandlerResult, type Route } from "../routes/route";
import type { CollectionChanges, Store } from "../store/model";
import type { JsonObject, JsonValue } from "../wire/json-value";
import type { GenericWrite, ModuleData } from "./module-data";
import { Prng } from "./prng";
import { changesOf, itemsOf, type ModuleRecords, type RecordEntry } from "./records";
import { findRecords, routeConstraints, synthesisBase } from "./records-found";
import { objectBranch, routeSchema, type SchemaNode, schemaAt, typesOf } from "./schema-files";
import { synthesize } from "./synthesize";

type WriteWithSchema = GenericWrite & { schema: string };

/**
 * The module's writes (`writes:` of its data), kept in the instance's state: a create adds a record
 * its reads and lists answer, an update changes it, a delete removes it. Faults create-not-stored,
 * update-ignored and delete-does-nothing answer as usual but keep nothing (reference/faults/writes.ts).
 */
export function genericWrites(
  data: ModuleData,
  records: ModuleRecords,
  values: Record<string, readonly JsonValue[]>,
): Route[] {
  return (data.writes ?? []).map((declared) => {
    const write = checkWrite(data, declared);
    const constraints = routeConstraints(write.constraints);
    const handle = (request: AuthenticatedRequest) => perform(data, records, write, request, values);
    return { ...authenticated(write.method, write.path, handle), constraints };
  });
}

function checkWrite(data: ModuleData, declared: GenericWrite): WriteWithSchema {
  const where = `reference/modules/${data.module}.ts, write ${declared.method} ${declared.path}`;
  const schema = declared.schema ?? routeSchema(declared.method, declared.path);
  if (!schema) throw new Error(`${where}: schemas/operations.json names no schema for it`);
  const kinds = (["creates", "updates", "deletes", "singleton", "lists", "acts"] as const).filter(
    (kind) => declared[kind] !== undefined,
  );
  if (kinds.length !== 1)
    throw new Error(`${where}: give exactly one of creates, updates, deletes, singleton, lists, acts`);
  const expected = {
    creates: ["POST", "PUT"],
    updates: ["PUT", "POST", "DELETE"],
    singleton: ["PUT", "POST"],
    lists: ["POST"],
    deletes: ["DELETE", "PUT"],
    acts: [declared.method],
  }[kinds[0]];
  if (!expected.includes(declared.method))
    throw new Error(`${where}: ${kinds[0]} needs ${expected.join(" or ")}`);
  if (declared.parent && !declared.ids?.[declared.parent])
    throw new Error(`${where}: parent {${declared.parent}} is not in ids`);
  if (declared.link && (!declared.parent || declared.updates || !data.collections[declared.link]))
    throw new Error(`${where}: link needs parent, creates or deletes, and a collection`);
  if (declared.link && declared.creates && declared.creates !== declared.link)
    throw new Error(`${where}: a link's create makes the link`);
  if (declared.parentMember && !declared.parent) throw new Error(`${where}: parentMember needs parent`);
  if (declared.makes && !declared.acts) throw new Error(`${where}: makes needs acts`);
  if (declared.sweeps && (!(declared.updates || declared.deletes) || !data.collections[declared.sweeps]))
    throw new Error(`${where}: sweeps needs updates or deletes, and a collection`);
  const named = { ...declared.ids, ...declared.params, ...matchedCollections(declared) };
  const target = declared.updates ?? declared.deletes;
  const batched = declared.batch && target === declared.batch.param;
  if (target && !named[target] && !batched)
    throw new Error(`${where}: {${target}} is not in ids, params or matched`);
  const collection =
    declared.creates ??
    declared.singleton ??
    declared.lists ??
    (batched ? declared.batch?.collection : target ? named[target] : undefined);
  for (const name of [...(declared.acts ? [] : [collection]), ...Object.values(named)])
    if (!name || !data.collections[name]) throw new Error(`${where}: no collection "${name}"`);
  itemsOf(schema); // a wrong path fails at start
  return { ...declared, schema };
}

/** A parameter's text as the record member's type: a form sends `1` and `true` as text. */
function asMember(text: string, member: SchemaNode | undefined, file: string): JsonValue {
  const types = member ? typesOf({ node: member, file }) : new Set<string>();
  if ((types.has("integer") || types.has("number")) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (types.has("boolean") && /^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  return text;
}

/** Members of a record of `collection` from texts, each as the record member's type. */
function typedMembers(data: ModuleData, collection: string, texts: [string, string | undefined][]) {
  const object = objectBranch(schemaAt(data.collections[collection].schema));
  const properties = (object?.node.properties ?? {}) as Record<string, SchemaNode>;
  const members: JsonObject = {};
  for (const [member, text] of texts)
    if (text !== undefined) members[member] = asMember(text, properties[member], object?.file ?? "");
  return members;
}

function membersFrom(
  data: ModuleData,
  collection: string,
  write: GenericWrite,
  request: AuthenticatedRequest,
) {
  const texts = Object.entries(write.from ?? {}).map(([member, param]): [string, string | undefined] => [
    member,
    request.params.text(param),
  ]);
  return typedMembers(data, collection, texts);
}

/** The collections the `matched` parameters name records of, by parameter. */
function matchedCollections(write: GenericWrite): Record<string, string> {
  return Object.fromEntries(
    Object.entries(write.matched ?? {}).map(([param, { collection }]) => [param, collection]),
  );
}

/** The record whose `member` (as seeded or written) is the parameter's text: a CRM status by its title. */
function matchedRecord(
  data: ModuleData,
  records: ModuleRecords,
  param: string,
  { collection, member }: { collection: string; member: string },
  request: AuthenticatedRequest,
): RecordEntry {
  const text = request.params.required(param);
  const seeds = data.collections[collection].seeds ?? [];
  const entry = records
    .entries(collection, request.store)
    .find((entry) => ({ ...(seeds[entry.index ?? -1] ?? {}), ...entry.members })[member] === text);
  if (!entry) throw new RecordNotFoundError(`${collection} not found`);
  return entry;
}

/** The request's first uploaded file: the server's file catchers fail without one ("No input files"). */
function uploadedFile(request: AuthenticatedRequest): Upload {
  const upload = request.uploads?.[0];
  if (!upload) throw badRequest("No input files");
  return upload;
}

function uploadMembers(data: ModuleData, collection: string, write: GenericWrite, upload: Upload) {
  const { name, size } = write.fromUpload ?? {};
  const texts: [string, string][] = [];
  if (name) texts.push([name, upload.fileName]);
  if (size) texts.push([size, String(upload.content.length)]);
  return typedMembers(data, collection, texts);
}

/** A fresh id: the next integer after every one the collection ever had (as text if they are), else a Guid (or the named parameter). */
function newId(
  data: ModuleData,
  records: ModuleRecords,
  collection: string,
  write: GenericWrite,
  request: AuthenticatedRequest,
) {
  const added = changesOf(request.store, data.module, collection).added.map((record) => record.id);
  const known = [...records.ids(collection), ...added];
  if (write.idFrom) {
    const named = request.params.required(write.idFrom);
    // An integer id (a linked contact's) is an integer, as the collection's.
    const integers = records.ids(collection).every((id) => typeof id === "number");
    return integers && /^\d+$/.test(named) ? Number(named) : named;
  }
  if (known.every((id) => typeof id === "number")) return Math.max(0, ...(known as number[])) + 1;
  // Integer ids carried as text (a calendar event's objectId): the next one, as text.
  if (known.length > 0 && known.every((id) => /^\d+$/.test(String(id))))
    return String(Math.max(...known.map(Number)) + 1);
  return randomUUID();
}

function perform(
  data: ModuleData,
  records: ModuleRecords,
  write: WriteWithSchema,
  request: AuthenticatedRequest,
  values: Record<string, readonly JsonValue[]>,
): HandlerResult {
  const named = { ...write.ids, ...write.params, ...matchedCollections(write) };
  const found = findRecords(data, records, { ...write.ids, ...write.params }, request, write.skipsUnknown);
  for (const [param, match] of Object.entries(write.matched ?? {}))
    found.set(param, matchedRecord(data, records, param, match, request));
  const missing = write.required?.params.find((param) => !request.params.text(param)?.trim());
  if (missing) throw badRequest(`Value cannot be empty. Parameter name: ${missing}`);
  /** One record, as an item of the answer's schema. */
  const renderRecord = (collection: string, entry: RecordEntry, schema = write.schema) =>
    records.render(collection, entry, itemsOf(schema), synthesisBase(data, records, request, values));
  // A list schema answers one record as a list of one (an event's occurrences, CalendarApi.cs:3270).
  const render = (collection: string, entry: RecordEntry, schema = write.schema) => {
    const record = renderRecord(collection, entry, schema);
    return schemaAt(schema).node.type === "array" ? [record] : record;
  };
  /** What the write answers (`answer`), of the record it wrote. */
  const answerOf = (collection: string, written: RecordEntry): JsonValue | undefined => {
    const kind = write.answer ?? "record";
    if (typeof kind === "object" && "param" in kind)
      return idAsAnswered(request.params.required(kind.param), write.schema);
    if (typeof kind === "object") {
      const record = render(collection, written, data.collections[collection].schema) as JsonObject;
      return record[kind.member];
    }
    return {
      record: () => render(collection, written),
      records: () => [renderRecord(collection, written)],
      nothing: () => undefined,
      id: () => idAsAnswered(written.id, write.schema),
    }[kind]();
  };
  const { faults, store } = request;
  if (write.lists) {
    const list = write.lists;
    const response = records.entries(list, store).map((entry) => renderRecord(list, entry));
    return { outcome: "updated", response };
  }
  if (write.acts) {
    const rng = new Prng(`${data.module}/${write.method} ${write.path}`);
    const synthesis = { ...synthesisBase(data, records, request, values), rng };
    const response = synthesize(schemaAt(write.schema), "", synthesis);
    return { outcome: write.makes ? "created" : "updated", response };
  }
  if (write.creates) {
    const collection = write.creates;
    const parent = write.parent && request.params.required(write.parent).toLowerCase();
    const upload = write.fromUpload && uploadedFile(request);
    const members = {
      ...membersFrom(data, collection, write, request),
      ...(upload && uploadMembers(data, collection, write, upload)),
      ...(parent && write.parentMember && typedMembers(data, collection, [[write.parentMember, parent]])),
      ...write.set,
    };
    const entry = {
      id: upload && write.fromUpload?.id ? upload.fileName : newId(data, records, collection, write, request),
      members,
      ...(parent && { parent }),
    };
    if (!faults.has("create-not-stored")) changesOf(store, data.module, collection).added.push(entry);
    const response = answerOf(collection, entry);
    if (write.answerId) (response as JsonObject)[write.answerId] = String(entry.id);
    // A PUT that saves a new record (mail's drafts/save) is no documented creation: 200.
    const outcome = write.link || write.method !== "POST" ? "updated" : "created";
    return { outcome, response };
  }
  if (write.batch) return performBatch(data, records, write, request, renderRecord);
  const placeholder = (write.updates ?? write.deletes) as string;
  const collection = write.singleton ?? (named[placeholder] as string);
  const entry = write.singleton ? records.entries(collection, store)[0] : found.get(placeholder);
  // An id naming nothing, where the server skips it: answered as sent, nothing changed.
  if (!entry) {
    const asSent = { id: request.params.required(placeholder), members: {} };
    return { outcome: write.deletes ? "deleted" : "updated", response: answerOf(collection, asSent) };
  }
  const changes = changesOf(store, data.module, collection);
  const key = String(entry.id).toLowerCase();
  const sweep = () =>
    write.sweeps && unlink(changesOf(store, data.module, write.sweeps), (made) => made.parent === key);
  if (write.updates || write.singleton) {
    const upload = write.fromUpload && uploadedFile(request);
    const given = {
      ...membersFrom(data, collection, write, request),
      ...(upload && uploadMembers(data, collection, write, upload)),
      ...write.set,
    };
    const members = { ...entry.members, ...given };
    // A seeded record set back to its seed's values (a restore) is unchanged again.
    const seed = entry.index === undefined ? undefined : data.collections[collection].seeds?.[entry.index];
    const restored = seed && Object.entries(members).every(([member, value]) => seed[member] === value);
    // Nothing given, nothing kept: an action on a record (a link, a tag) leaves its members as they were.
    if (!faults.has("update-ignored")) {
      if (Object.keys(given).length) {
        if (restored) changes.changed.delete(key);
        else changes.changed.set(key, members);
      }
      sweep();
    }
    return { outcome: "updated", response: answerOf(collection, { ...entry, members }) };
  }
  if (faults.has("delete-does-nothing")) return { outcome: "deleted", response: answerOf(collection, entry) };
  const parent = write.parent && request.params.required(write.parent).toLowerCase();
  if (write.link)
    unlink(
      changesOf(store, data.module, write.link),
      (link) => keyOf(link) === key && link.parent === parent,
    );
  else {
    changes.removed.add(key);
    sweep();
    // Its links go with it (a deleted case has no members).
    for (const linking of data.writes ?? [])
      if (linking.link && linking.creates && linking.parent && linking.ids?.[linking.parent] === collection)
        unlink(changesOf(store, data.module, linking.link), (link) => link.parent === key);
  }
  return { outcome: "deleted", response: answerOf(collection, entry) };
}

type Link = CollectionChanges["added"][number];
const keyOf = (link: Link) => String(link.id).toLowerCase();

/** Removes the links `which` picks: they were never seeded, so nothing of them is left. */
function unlink(changes: CollectionChanges, which: (link: Link) => boolean): void {
  const kept = changes.added.filter((link) => !which(link));
  changes.added.splice(0, changes.added.length, ...kept);
}

/** A batch write (GenericWrite.batch): each record the list names, changed or removed, answered as a list. */
function performBatch(
  data: ModuleData,
  records: ModuleRecords,
  write: WriteWithSchema,
  request: AuthenticatedRequest,
  render: (collection: string, entry: RecordEntry) => JsonValue,
): HandlerResult {
  const { param, collection, match, order } = write.batch as NonNullable<GenericWrite["batch"]>;
  const all = records.entries(collection, request.store);
  const seeds = data.collections[collection].seeds ?? [];
  const memberOf = (entry: RecordEntry, member: string) =>
    ({ ...(entry.index === undefined ? {} : seeds[entry.index]), ...entry.members })[member];
  const named = (value: string) =>
    match
      ? all.find((entry) => String(memberOf(entry, match)) === value)
      : records.entry(collection, value, request.store);
  const values = request.params.list(param) ?? [];
  const changes = changesOf(request.store, data.module, collection);
  const answers = values.flatMap((value, position) => {
    const entry = named(value);
    if (!entry) return [];
    const key = String(entry.id).toLowerCase();
    if (write.deletes) {
      if (!request.faults.has("delete-does-nothing")) changes.removed.add(key);
      return [render(collection, entry)];
    }
    const members = {
      ...entry.members,
      ...membersFrom(data, collection, write, request),
      ...write.set,
      ...(order && { [order]: position }),
    };
    if (!request.faults.has("update-ignored")) changes.changed.set(key, members);
    return [render(collection, { ...entry, members })];
  });
  return { outcome: write.deletes ? "deleted" : "updated", response: answers };
}

/** A record's id as `schema` types the answer: an integer, a list holding it, else text. */
function idAsAnswered(id: JsonValue, schema: string): JsonValue {
  const root = schemaAt(schema);
  const types = typesOf(itemsOf(schema));
  const value = types.has("integer") || types.has("number") ? Number(id) : String(id);
  return root.node.type === "array" ? [value] : value;
}

/** What the run's writes left in `store`'s collections served from data (RunningReference.dataChanges). */
export function describeChanges(store: Store): string[] {
  const changes: string[] = [];
  for (const [collection, { added, changed, removed }] of store.generic) {
    const addedIds = new Set(added.map((record) => String(record.id).toLowerCase()));
    for (const { id } of added)
      if (!removed.has(String(id).toLowerCase())) changes.push(`${collection} ${id}: created, still there`);
    for (const id of changed.keys())
      if (!addedIds.has(id)) changes.push(`${collection} ${id}: a seeded record, changed`);
    for (const id of removed)
      if (!addedIds.has(id)) changes.push(`${collection} ${id}: a seeded record, deleted`);
  }
  return changes;
}
