import { posix } from "node:path";
import type { Catalogue, ClassEntry, EnumEntry, Member } from "./catalogue";
import { jsonNetCamelCase } from "./naming";

export type JsonSchema = { [key: string]: unknown };

/** Shared files the generator points at and does not write (they live under schemas/common/). */
export const SHARED = {
  guid: "common/guid.json",
  apiDateTime: "common/api-datetime.json",
  dateTime: "common/date-time.json",
  timeSpan: "common/time-span.json",
} as const;

/** What a type's schema needs to know: where every class and enum lives, and which file it is written in. */
export interface Place {
  catalogue: Catalogue;
  /** schemas/-relative file of a class or enum key */
  fileOf(key: string): string;
  /** the schemas/-relative file being written, for relative $refs */
  from: string;
}

export function ref(place: Place, target: string): JsonSchema {
  return { $ref: posix.relative(posix.dirname(place.from), target) };
}

/**
 * Members typed `object` hold runtime values a static type does not show; each is decided here from the
 * catalogue's `assigned_from` (wrappers.md, tricky case 5 and known limit 3), keyed by declaring class and
 * wire name. An unlisted one stops the generator (a new server version gets a decision, not a guess).
 * Members with `runtime_types` (FileShareWrapper.sharedTo) need no entry: they are anyOf those classes.
 */
const ENTRY_ID: JsonSchema = {
  type: ["integer", "string"],
  description:
    "a file or folder id: an integer in the portal's own storage, a string in a third-party folder",
};
const OBJECT_MEMBERS: Record<string, JsonSchema> = {
  "ASC.Api.Documents.FileEntryWrapper.id": ENTRY_ID,
  "ASC.Api.Documents.FileWrapper.folderId": ENTRY_ID,
  "ASC.Api.Documents.FolderWrapper.parentId": ENTRY_ID,
  "ASC.Api.Projects.Wrappers.ProjectWrapperFull.projectFolder": ENTRY_ID,
  "ASC.Web.Projects.ProjectsCommonSettings.folderId": ENTRY_ID,
  "ASC.Files.Core.FileEntry.id": ENTRY_ID,
  "ASC.Files.Core.FileEntry.folder_id": ENTRY_ID,
  "ASC.Projects.Core.Domain.Reports.ReportFile.fileId": ENTRY_ID,
  // folderItems.FolderPathParts: an ItemList<object> of the folder ids from the root (FolderContentWrapper.cs)
  "ASC.Api.Documents.FolderContentWrapper.pathParts": { type: "array", items: ENTRY_ID },
  // QueueWorker.GetProgressItemId: string.Format("{0}_{1}_{2}", tenantId, userId, type.Name)
  "ASC.Data.Reassigns.ReassignProgressItem.id": { type: "string" },
  "ASC.Data.Reassigns.RemoveProgressItem.id": { type: "string" },
  // ProgressStatus.Queued/Started/Done/Failed: an enum in an object member is written as its integer
  "ASC.Data.Reassigns.ReassignProgressItem.status": { type: "integer", description: "ProgressStatus" },
  "ASC.Data.Reassigns.RemoveProgressItem.status": { type: "integer", description: "ProgressStatus" },
  // null or ex.Message
  "ASC.Data.Reassigns.ReassignProgressItem.error": { type: "string" },
  "ASC.Data.Reassigns.RemoveProgressItem.error": { type: "string" },
  // whatever the report builder stored: any JSON value
  "ASC.Web.Files.Services.DocumentService.ReportState.obj": {},
};

/** C# value types: never null on the wire. Everything else (string, classes, arrays, object) may be. */
function isValueType(type: string, catalogue: Catalogue): boolean {
  if (/^(int|long|double|decimal|bool|char|Guid|DateTime|DateTimeOffset|TimeSpan)$/.test(type)) return true;
  if (type.startsWith("enum:") || type.startsWith("kvp:")) return true;
  if (type.startsWith("class:")) return catalogue.classes[type.slice(6)]?.kind === "struct";
  return false;
}

/** The schema of a normalized type (wrappers.md, "Normalized types"), without null. */
export function typeSchema(type: string, place: Place): JsonSchema {
  switch (type) {
    case "string":
      return { type: "string" };
    case "char":
      return { type: "string", minLength: 1, maxLength: 1 };
    case "int":
    case "long":
      return { type: "integer" };
    case "double":
    case "decimal":
      return { type: "number" };
    case "bool":
      return { type: "boolean" };
    case "bytes":
      return { type: "string", description: "byte[], written as base64" };
    case "Guid":
      return ref(place, SHARED.guid);
    case "ApiDateTime":
      return ref(place, SHARED.apiDateTime);
    case "DateTime":
    case "DateTimeOffset":
      return ref(place, SHARED.dateTime);
    case "TimeSpan":
      return ref(place, SHARED.timeSpan);
  }
  const [form, rest] = [type.slice(0, type.indexOf(":")), type.slice(type.indexOf(":") + 1)];
  switch (form) {
    case "class":
    case "interface":
    case "enum":
      return ref(place, place.fileOf(rest));
    case "array":
      return { type: "array", items: typeSchema(rest, place) };
    case "nullable":
      return orNull(typeSchema(rest, place));
    case "dict":
      return dictionarySchema(rest, place);
    case "kvp": {
      const [key, value] = splitPair(rest);
      return {
        type: "object",
        required: ["key", "value"],
        properties: { key: typeSchema(key, place), value: typeSchema(value, place) },
      };
    }
    case "external":
      // TimeZoneInfo is ISerializable: its entries (Id, DisplayName, …) are inferred, not verified.
      return { type: "object", description: `${rest}, written by its ISerializable entries` };
  }
  throw new Error(`no schema rule for the type "${type}"`);
}

/**
 * `dict:K,V` is a JSON object whose keys Json.NET camelCases; an enum key is written as its member's
 * name, so the keys are the camelCased member names (wrappers.md, tricky case 7).
 */
function dictionarySchema(pair: string, place: Place): JsonSchema {
  const [key, value] = splitPair(pair);
  const valueSchema = typeSchema(value, place);
  const schema: JsonSchema = {
    type: "object",
    additionalProperties: isValueType(value, place.catalogue) ? valueSchema : orNull(valueSchema),
  };
  if (key.startsWith("enum:")) {
    const entry = place.catalogue.enums[key.slice(5)];
    if (!entry) throw new Error(`dictionary key ${key} is not in the catalogue`);
    schema.propertyNames = { enum: entry.members.map((m) => jsonNetCamelCase(m.name)) };
  }
  return schema;
}

/** `K,V` of a pair type. No key in the catalogue is itself a pair, so the first comma splits it. */
function splitPair(pair: string): [string, string] {
  const comma = pair.indexOf(",");
  if (comma < 0) throw new Error(`not a pair type: ${pair}`);
  return [pair.slice(0, comma), pair.slice(comma + 1)];
}

export function orNull(schema: JsonSchema): JsonSchema {
  if (Object.keys(schema).length === 0) return schema;
  if (typeof schema.type === "string" && !("$ref" in schema))
    return { ...schema, type: [schema.type, "null"] };
  if (Array.isArray(schema.type)) {
    return schema.type.includes("null") ? schema : { ...schema, type: [...schema.type, "null"] };
  }
  const branches = schema.anyOf as JsonSchema[] | undefined;
  if (branches?.some((branch) => branch.type === "null")) return schema;
  return { anyOf: [schema, { type: "null" }] };
}

/**
 * One member: `EmitDefaultValue=false` -> optional and, when present, never its default (null included);
 * any other member is always written (DefaultValueHandling.Include), so it is required, and nullable
 * when its C# type is a reference type or Nullable<T> (wrappers.md, known limit 5).
 */
export function memberSchema(member: Member, place: Place): { schema: JsonSchema; required: boolean } {
  const base = memberTypeSchema(member, place);
  if (!member.emit_default) return { schema: base, required: false };
  return { schema: isValueType(member.type, place.catalogue) ? base : orNull(base), required: true };
}

function memberTypeSchema(member: Member, place: Place): JsonSchema {
  if (member.type !== "object") return typeSchema(member.type, place);
  if (member.runtime_types?.length) {
    return { anyOf: member.runtime_types.map((runtime) => typeSchema(runtime, place)) };
  }
  const decided = OBJECT_MEMBERS[`${member.declared_in}.${member.wire}`];
  if (!decided) {
    throw new Error(
      `${member.declared_in}.${member.wire} is typed object (assigned from ${JSON.stringify(member.assigned_from ?? [])}): decide its schema in OBJECT_MEMBERS`,
    );
  }
  return decided;
}

/** A class: its members as properties, or, abstract or an interface, anyOf its concrete classes. */
export function classSchema(entry: ClassEntry, place: Place): JsonSchema {
  if (entry.abstract || entry.kind === "interface") {
    const concrete = concreteDescendants(entry, place.catalogue);
    if (concrete.length > 0) return { anyOf: concrete.map((key) => ref(place, place.fileOf(key))) };
  }
  const required: string[] = [];
  const properties: Record<string, JsonSchema> = {};
  for (const member of entry.members) {
    if (member.wire in properties)
      throw new Error(`${entry.full_name}: two members are written as "${member.wire}"`);
    const { schema, required: isRequired } = memberSchema(member, place);
    properties[member.wire] = schema;
    if (isRequired) required.push(member.wire);
  }
  return { type: "object", required, properties };
}

/** The non-abstract classes below an abstract class or interface, as far as the catalogue holds them. */
export function concreteDescendants(entry: ClassEntry, catalogue: Catalogue): string[] {
  const out: string[] = [];
  for (const key of entry.derived ?? []) {
    const derived = catalogue.classes[key];
    if (!derived) continue;
    if (derived.abstract || derived.kind === "interface")
      out.push(...concreteDescendants(derived, catalogue));
    else out.push(key);
  }
  return [...new Set(out)].sort();
}

/** An enum is written as its integer: one of the values, or for [Flags] any combination of them. */
export function enumSchema(entry: EnumEntry): JsonSchema {
  const names = entry.members.map((m) => `${m.name}=${m.value}`).join(", ");
  if (entry.flags) {
    const values = entry.members.map((m) => m.value);
    const all = values.filter((v) => v >= 0).reduce((acc, v) => acc | v, 0);
    return {
      type: "integer",
      minimum: Math.min(0, ...values),
      maximum: all,
      description: `[Flags] ${entry.name}, any combination of ${names}`,
    };
  }
  const values = [...new Set(entry.members.map((m) => m.value))].sort((a, b) => a - b);
  return { type: "integer", enum: values, description: `${entry.name}: ${names}` };
}
