import { randomUUID } from "node:crypto";
import { badRequest, RecordNotFoundError } from "../http/errors";
import { type AuthenticatedRequest, authenticated, type HandlerResult, type Route } from "../routes/route";
import type { Store } from "../store/model";
import type { JsonObject, JsonValue } from "../wire/json-value";
import type { GenericWrite, ModuleData } from "./module-data";
import { changesOf, itemsOf, type ModuleRecords, type RecordEntry } from "./records";
import { findRecords, routeConstraints, synthesisBase } from "./records-found";
import { objectBranch, routeSchema, type SchemaNode, schemaAt, typesOf } from "./schema-files";

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
  const kinds = (["creates", "updates", "deletes"] as const).filter((kind) => declared[kind] !== undefined);
  if (kinds.length !== 1) throw new Error(`${where}: give exactly one of creates, updates, deletes`);
  // An update may be a POST or a DELETE acting on a record (linking, tagging, detaching); a delete
  // may be a PUT (the CRM's batch delete, PUT crm/contact).
  const methods = { creates: ["POST"], updates: ["PUT", "POST", "DELETE"], deletes: ["DELETE", "PUT"] }[
    kinds[0]
  ];
  if (!methods.includes(declared.method))
    throw new Error(`${where}: ${kinds[0]} needs ${methods.join(" or ")}`);
  if (declared.parent && !declared.ids?.[declared.parent])
    throw new Error(`${where}: parent {${declared.parent}} is not in ids`);
  const target = declared.updates ?? declared.deletes;
  const byMember = Object.fromEntries(
    Object.entries(declared.matched ?? {}).map(([param, { collection }]) => [param, collection]),
  );
  const named = { ...declared.ids, ...byMember };
  if (target && !named[target]) throw new Error(`${where}: {${target}} is not in ids or matched`);
  const collection = declared.creates ?? (target ? named[target] : undefined);
  for (const name of [collection, ...Object.values(named)])
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

function membersFrom(
  data: ModuleData,
  collection: string,
  write: GenericWrite,
  request: AuthenticatedRequest,
) {
  const object = objectBranch(schemaAt(data.collections[collection].schema));
  const properties = (object?.node.properties ?? {}) as Record<string, SchemaNode>;
  const members: JsonObject = {};
  for (const [member, param] of Object.entries(write.from ?? {})) {
    const text = request.params.text(param);
    if (text !== undefined) members[member] = asMember(text, properties[member], object?.file ?? "");
  }
  return members;
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

/** A fresh id: the next integer after every one the collection ever had, else a Guid (or the named parameter). */
function newId(
  data: ModuleData,
  records: ModuleRecords,
  collection: string,
  write: GenericWrite,
  request: AuthenticatedRequest,
) {
  if (write.idFrom) return request.params.required(write.idFrom);
  const added = changesOf(request.store, data.module, collection).added.map((record) => record.id);
  const known = [...records.ids(collection), ...added];
  if (known.every((id) => typeof id === "number")) return Math.max(0, ...(known as number[])) + 1;
  return randomUUID();
}

function perform(
  data: ModuleData,
  records: ModuleRecords,
  write: WriteWithSchema,
  request: AuthenticatedRequest,
  values: Record<string, readonly JsonValue[]>,
): HandlerResult {
  const found = findRecords(data, records, write.ids ?? {}, request);
  for (const [param, match] of Object.entries(write.matched ?? {}))
    found.set(param, matchedRecord(data, records, param, match, request));
  const missing = write.required?.params.find((param) => !request.params.text(param)?.trim());
  if (missing) throw badRequest(`Value cannot be empty. Parameter name: ${missing}`);
  const render = (collection: string, entry: RecordEntry, schema = write.schema) =>
    records.render(collection, entry, itemsOf(schema), synthesisBase(data, records, request, values));
  const { faults, store } = request;
  if (write.creates) {
    const collection = write.creates;
    const members = membersFrom(data, collection, write, request);
    const parent = write.parent && request.params.required(write.parent).toLowerCase();
    const entry = {
      id: newId(data, records, collection, write, request),
      members,
      ...(parent && { parent }),
    };
    if (!faults.has("create-not-stored")) changesOf(store, data.module, collection).added.push(entry);
    return { outcome: "created", response: answerFor(collection, entry) };
  }
  const placeholder = (write.updates ?? write.deletes) as string;
  const collection = (write.ids?.[placeholder] ?? write.matched?.[placeholder]?.collection) as string;
  const entry = found.get(placeholder) as RecordEntry;
  const changes = changesOf(store, data.module, collection);
  const key = String(entry.id).toLowerCase();
  if (write.updates) {
    const given = membersFrom(data, collection, write, request);
    const members = { ...entry.members, ...given };
    // Nothing given, nothing kept: an action on a record (a link) leaves its members as they were.
    if (Object.keys(given).length && !faults.has("update-ignored")) changes.changed.set(key, members);
    return { outcome: "updated", response: answerFor(collection, { ...entry, members }) };
  }
  if (!faults.has("delete-does-nothing")) changes.removed.add(key);
  return { outcome: "deleted", response: answerFor(collection, entry) };

  function answerFor(collection: string, written: RecordEntry): JsonValue | undefined {
    const kind = write.answer ?? "record";
    if (typeof kind === "object") {
      const record = render(collection, written, data.collections[collection].schema) as JsonObject;
      return record[kind.member];
    }
    return {
      record: () => render(collection, written),
      records: () => [render(collection, written)],
      nothing: () => undefined,
      id: () => String(written.id),
    }[kind]();
  }
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
