import {
  anonymous,
  authenticated,
  type HandlerRequest,
  type HandlerResult,
  type Route,
} from "../routes/route";
import type { JsonObject, JsonValue } from "../wire/json-value";
import type { GenericRoute, ModuleData } from "./module-data";
import { Prng } from "./prng";
import { isBuiltIn, itemsOf, ModuleRecords, type RecordEntry } from "./records";
import { findRecords, routeConstraints, synthesisBase } from "./records-found";
import { type Located, objectBranch, routeSchema, type SchemaNode, schemaAt, typesOf } from "./schema-files";
import { genericSettings } from "./settings";
import type { Synthesis } from "./synthesize";
import { synthesize } from "./synthesize";
import { genericWrites } from "./writes";

/** Members the engine fills plausibly in every module, unless the module names its own. */
const DEFAULT_VALUES: Record<string, readonly JsonValue[]> = {
  firstName: ["Anna", "Oleg", "Maria", "James"],
  lastName: ["Ivanova", "Petrov", "Smith", "Garcia"],
  displayName: ["Anna Ivanova", "Oleg Petrov", "Maria Garcia"],
};

type RouteWithSchema = GenericRoute & { schema: string };

/** Every read route of one module, each answering from the module's records or its schema. */
export function genericRoutes(data: ModuleData): Route[] {
  const records = new ModuleRecords(data);
  const values = { ...DEFAULT_VALUES, ...data.values };
  for (const collection of Object.values(data.nested ?? {})) records.ids(collection); // a wrong name fails at start
  const reads = data.routes.map((declared): Route => {
    const route = checkRoute(data, declared);
    const constraints = routeConstraints(route.constraints);
    const handle = (request: HandlerRequest): HandlerResult => {
      const response = answer(data, records, route, request, values);
      // A record a write made or changed is sent as written (HandlerResult.asWritten).
      const entry =
        route.record &&
        records.entry(
          route.ids?.[route.record] as string,
          request.params.required(route.record),
          request.store,
        );
      const written = entry && (entry.index === undefined || Object.keys(entry.members).length > 0);
      return { outcome: "read", response, ...(written && { asWritten: true }) };
    };
    return {
      ...(route.anonymous
        ? anonymous(route.method ?? "GET", route.path, handle)
        : authenticated(route.method ?? "GET", route.path, handle)),
      constraints,
    };
  });
  return [...reads, ...genericWrites(data, records, values), ...genericSettings(data)];
}

/** The route with its schema; mistakes in a module's data fail when the reference starts, not on the first request. */
function checkRoute(data: ModuleData, declared: GenericRoute): RouteWithSchema {
  const where = `reference/modules/${data.module}.ts, route ${declared.path}`;
  const method = declared.method ?? "GET";
  const schema = declared.schema ?? routeSchema(method, declared.path);
  if (!schema)
    throw new Error(`${where}: schemas/operations.json names no schema for ${method} ${declared.path}`);
  const route = { ...declared, schema };
  const placeholders = new Set([...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]));
  for (const name of [...Object.keys(route.ids ?? {}), ...(route.record ? [route.record] : [])]) {
    if (!placeholders.has(name)) throw new Error(`${where}: no placeholder {${name}}`);
  }
  const named = [...Object.values(route.ids ?? {}), route.list, route.singleton].filter(
    (c) => c !== undefined,
  );
  for (const collection of named) {
    if (!data.collections[collection]) throw new Error(`${where}: no collection "${collection}"`);
  }
  if (route.of && (!route.list || !placeholders.has(route.of)))
    throw new Error(`${where}: of {${route.of}} needs list and that placeholder`);
  if (route.record && !route.ids?.[route.record])
    throw new Error(`${where}: record {${route.record}} is not in ids`);
  itemsOf(route.schema); // reads the schema now: a wrong path fails at start
  return route;
}

function answer(
  data: ModuleData,
  records: ModuleRecords,
  route: RouteWithSchema,
  request: HandlerRequest,
  values: Record<string, readonly JsonValue[]>,
): JsonValue {
  const found = findRecords(data, records, route.ids ?? {}, request);
  const { fresh } = request.store;
  const listed = (collection: string) => records.entries(collection, request.store);
  const base = synthesisBase(data, records, request, values);
  const items = itemsOf(route.schema);
  let response: JsonValue;
  if (route.list) {
    const list = route.list;
    const parent = route.of && request.params.required(route.of).toLowerCase();
    const own = listed(list).filter(
      (entry) => !parent || entry.index !== undefined || entry.parent === parent,
    );
    response = own.map((entry) => records.render(list, entry, items, base));
  } else if (route.record) {
    const collection = route.ids?.[route.record] as string;
    response = records.render(collection, found.get(route.record) as RecordEntry, items, base);
  } else if (route.singleton) {
    response = records.render(route.singleton, listed(route.singleton)[0], items, base);
  } else if (fresh && typesOf(schemaAt(route.schema)).has("array") && !isBuiltIn(route.builtIn, fresh)) {
    response = [];
  } else {
    const synthesis: Synthesis = { ...base, rng: new Prng(`${data.module}/${route.path}`) };
    response = synthesize(schemaAt(route.schema), "", synthesis);
  }
  const collection = route.list ?? (route.record ? route.ids?.[route.record] : undefined);
  const idMember = (collection && data.collections[collection]?.idMember) || "id";
  if (request.faults.has("record-missing-required-member"))
    return withoutRequiredMember(response, items, idMember);
  if (request.faults.has("record-null-where-forbidden")) return withNullMember(response, items, idMember);
  return response;
}

/**
 * Fault record-null-where-forbidden: the answer's record (each, in a list) carries null for its first
 * required member that may only be a number or true/false. Not a string: in XML null and "" are both an
 * empty element, so a null string cannot be told from an empty one there; a number or a boolean can.
 */
function withNullMember(response: JsonValue, items: Located, idMember: string): JsonValue {
  const object = objectBranch(items);
  if (!object) return response;
  const properties = (object.node.properties ?? {}) as Record<string, SchemaNode>;
  const scalarOnly = (member: string) => {
    if (!properties[member]) return false;
    const types = typesOf({ node: properties[member], file: object.file });
    return types.size > 0 && [...types].every((type) => ["integer", "number", "boolean"].includes(type));
  };
  const member = (object.node.required as string[] | undefined)?.find(
    (name) => name !== idMember && !DISCOVERY_MEMBERS.has(name) && scalarOnly(name),
  );
  if (!member) return response;
  const nulled = (value: JsonValue): JsonValue =>
    typeof value === "object" && value !== null && !Array.isArray(value) && member in value
      ? { ...value, [member]: null }
      : value;
  return Array.isArray(response) ? response.map(nulled) : nulled(response);
}

/**
 * Members the contract's discovery reads (the `select:`s of specs/*.yaml: `[0].id`, a mail account's
 * `[0].email`, an invoice's `[0].number`, a rate's currencies), which the schema fault keeps: it
 * breaks the schema, not the chaining. The fault matrix fails if a new `select:` needs another.
 */
const DISCOVERY_MEMBERS = new Set(["id", "title", "name", "email", "number", "fromCurrency", "toCurrency"]);

/** Fault record-missing-required-member: the answer's record (each, in a list) loses a required member. */
function withoutRequiredMember(response: JsonValue, items: Located, idMember: string): JsonValue {
  // Not the members discovery reads (the id, a tag's title, a named record's name, the lists holding
  // nested records such as a forum's categories): the fault breaks the schema, not the chaining.
  const object = objectBranch(items);
  if (!object) return response;
  const properties = (object.node.properties ?? {}) as Record<string, SchemaNode>;
  const holdsList = (member: string) =>
    !!properties[member] && typesOf({ node: properties[member], file: object.file }).has("array");
  const required = (object.node.required as string[] | undefined)?.find(
    (member) => member !== idMember && !DISCOVERY_MEMBERS.has(member) && !holdsList(member),
  );
  if (!required) return response;
  const drop = (value: JsonValue): JsonValue => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
    const { [required]: _dropped, ...rest } = value as JsonObject;
    return rest;
  };
  return Array.isArray(response) ? response.map(drop) : drop(response);
}
