import type { CollectionChanges, FreshPortal, Store } from "../store/model";
import type { JsonObject, JsonValue } from "../wire/json-value";
import type { BuiltIn, Collection, ModuleData } from "./module-data";
import { Prng } from "./prng";
import { type Located, objectBranch, type SchemaNode, schemaAt, typesOf } from "./schema-files";
import { asDictionaryWhere, fits, type Synthesis, synthesize } from "./synthesize";

/** The default number of records of a collection without that many seeds. */
const DEFAULT_COUNT = 3;

export type RecordId = number | string;

/** One record of a collection: a seeded one (its `index`) or one a request created; `members` are what writes gave it. */
export interface RecordEntry {
  id: RecordId;
  index?: number;
  members: JsonObject;
  /** A created child's parent (the placeholder value it was created under, lower case). */
  parent?: string;
}

/** What the run's writes did to a collection (created on first use). */
export function changesOf(store: Store, module: string, collection: string): CollectionChanges {
  const key = `${module}/${collection}`;
  let changes = store.generic.get(key);
  if (!changes) {
    changes = { added: [], changed: new Map(), removed: new Set() };
    store.generic.set(key, changes);
  }
  return changes;
}

/** The item schema of a list schema, or the schema itself. */
export function itemsOf(file: string): Located {
  const root = schemaAt(file);
  const items = root.node.items as SchemaNode | undefined;
  return root.node.type === "array" && items ? { node: items, file: root.file } : root;
}

/**
 * The records of one module's collections: their ids (integers or Guids, as the record schema's
 * id member says), and each record rendered in any schema, consistently: the same id, title and other
 * shared members whichever wrapper (summary or full) answers.
 */
export class ModuleRecords {
  private readonly idsByCollection = new Map<string, RecordId[]>();

  constructor(private readonly data: ModuleData) {
    for (const [name, collection] of Object.entries(data.collections)) {
      this.idsByCollection.set(name, collectionIds(data.module, name, collection));
    }
  }

  ids(collection: string): RecordId[] {
    const ids = this.idsByCollection.get(collection);
    if (!ids) throw new Error(`reference: module ${this.data.module} has no collection "${collection}"`);
    return ids;
  }

  /** How many records of the collection the portal has (0..count-1): every one, or a fresh portal's. */
  count(collection: string, fresh: FreshPortal | undefined): number {
    const all = this.ids(collection).length;
    if (!fresh) return all;
    const built = this.data.collections[collection]?.fresh;
    return built && isBuiltIn(built, fresh) ? Math.min(all, built.records) : 0;
  }

  /** The index of the record a placeholder value names, if the portal has it (Guids case-insensitively). */
  find(collection: string, text: string, fresh: FreshPortal | undefined): number | undefined {
    const index = this.ids(collection).findIndex((id) => String(id).toLowerCase() === text.toLowerCase());
    return index < 0 || index >= this.count(collection, fresh) ? undefined : index;
  }

  /** The records the portal has now: its seeded ones and those created, less those deleted, each as written. */
  entries(collection: string, store: Store): RecordEntry[] {
    const changes = store.generic.get(`${this.data.module}/${collection}`);
    const key = (id: RecordId) => String(id).toLowerCase();
    const seeded = this.ids(collection)
      .slice(0, this.count(collection, store.fresh))
      .map((id, index): RecordEntry => ({ id, index, members: {} }));
    const added = (changes?.added ?? []).map((record) => ({
      ...record,
      members: record.members as JsonObject,
    }));
    const held = this.data.collections[collection]?.held?.(store).map((members): RecordEntry => {
      const index = seeded.find((entry) => key(entry.id) === key(members.id as RecordId))?.index;
      return { id: members.id as RecordId, index, members: index === undefined ? members : {} };
    });
    return (held ?? [...seeded, ...added])
      .filter((entry) => !changes?.removed.has(key(entry.id)))
      .map((entry) => {
        const changed = changes?.changed.get(key(entry.id)) as JsonObject | undefined;
        return changed ? { ...entry, members: { ...entry.members, ...changed } } : entry;
      });
  }

  /** The record a placeholder value names, if the portal has it now (Guids case-insensitively). */
  entry(collection: string, text: string, store: Store): RecordEntry | undefined {
    return this.entries(collection, store).find(
      (entry) => String(entry.id).toLowerCase() === text.toLowerCase(),
    );
  }

  /** A record of `collection`, shaped by the (item) schema `at`. */
  render(collection: string, entry: RecordEntry, at: Located, base: Omit<Synthesis, "rng">): JsonValue {
    const spec = this.data.collections[collection] as Collection;
    const seedText = `${this.data.module}/${collection}/${entry.index ?? `added/${entry.id}`}`;
    const identity: JsonObject = {
      [spec.idMember ?? "id"]: entry.id,
      ...(entry.index === undefined ? {} : (spec.seeds?.[entry.index] ?? {})),
      ...entry.members,
    };
    const canonical = overlay(
      synthesize(schemaAt(spec.schema), "", { ...base, rng: new Prng(seedText) }),
      identity,
      schemaAt(spec.schema),
    );
    // A collection of plain values (mail's trusted image addresses, primitives/string.json): the value is its id.
    if (!isObject(canonical)) return entry.id;
    const shaped = synthesize(at, "", { ...base, rng: new Prng(`${seedText}/${at.file}`) });
    // What writes gave it wins in any wrapper, also members the collection's schema lacks (a CRM
    // person's firstName, rendered as a PersonWrapper from a collection of companies and persons).
    return overlay(overlay(shaped, canonical, at), entry.members, at);
  }
}

/** Whether a fresh portal has what `builtIn` makes: the install's always, the CRM's once it was opened. */
export function isBuiltIn(builtIn: BuiltIn | undefined, fresh: FreshPortal): boolean {
  return !!builtIn && (builtIn.madeBy === "install" || fresh.crmOpened);
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The members of `source` that the object schema declares, with a type it allows, replace those of `value`. */
function overlay(value: JsonValue, source: JsonObject, at: Located): JsonValue {
  const object = objectBranch(at);
  const properties = object?.node.properties as Record<string, SchemaNode> | undefined;
  if (!isObject(value) || !object || !properties) return value;
  const result: JsonObject = { ...value };
  for (const [member, memberValue] of Object.entries(source)) {
    const schema = properties[member];
    const at = { node: schema, file: object.file };
    if (schema && memberValue !== undefined && fits(memberValue, at))
      result[member] = asDictionaryWhere(memberValue, at);
  }
  return result;
}

function collectionIds(module: string, name: string, collection: Collection): RecordId[] {
  const count = collection.count ?? Math.max(collection.seeds?.length ?? 0, DEFAULT_COUNT);
  const object = objectBranch(schemaAt(collection.schema));
  const idMember = collection.idMember ?? "id";
  const idSchema = (object?.node.properties as Record<string, SchemaNode> | undefined)?.[idMember];
  const idTypes = idSchema ? typesOf({ node: idSchema, file: (object as Located).file }) : new Set<string>();
  const rng = new Prng(`${module}/${name}/ids`);
  return Array.from({ length: count }, (_, index) => {
    // A seeded id wins, so a collection can name records another part of the reference serves.
    const seeded = collection.seeds?.[index]?.[idMember];
    if (idTypes.has("integer"))
      return typeof seeded === "number" ? seeded : (collection.firstId ?? 1) + index;
    return typeof seeded === "string" ? seeded : rng.guid();
  });
}
