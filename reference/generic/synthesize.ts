import { formatApiDate, formatPlainDate } from "../wire/api-date";
import { isJsonObject, type JsonObject, type JsonValue, markDictionary } from "../wire/json-value";
import type { Prng } from "./prng";
import { branches, type Located, type SchemaNode, schemaDocument, typesOf } from "./schema-files";

/** What building one answer needs besides the schema. */
export interface Synthesis {
  rng: Prng;
  /** Plausible values by member name (the module's, then the engine's defaults). */
  values: Record<string, readonly JsonValue[]>;
  /** A person as the server embeds one (EmployeeWraper), from the reference's own users. */
  person: (rng: Prng) => JsonObject;
  /** The records an array member lists (the module's `nested`), each shaped by the item schema. */
  nested?: (name: string, item: Located) => JsonValue[] | undefined;
}

/** Below this depth arrays are empty and nullable members null, so recursive types end. */
const MAX_DEPTH = 4;
const BASE_DATE = Date.UTC(2024, 0, 8, 9, 0, 0);
const WORDS = ["Quarterly", "Planning", "Budget", "Review", "Launch", "Design", "Support", "Research"];

/** Files whose values the engine writes itself rather than from their schema. */
const SPECIAL: Record<string, (rng: Prng, synthesis: Synthesis) => JsonValue> = {
  "common/guid.json": (rng) => rng.guid(),
  "common/api-datetime.json": (rng) => formatApiDate(someDate(rng)),
  "common/date-time.json": (rng) => formatPlainDate(someDate(rng)),
  "common/time-span.json": (rng) => `0${rng.int(1, 8)}:${rng.pick(["00", "15", "30", "45"])}:00`,
  "people/employee-wraper.json": (rng, synthesis) => synthesis.person(rng),
  // void and Task operations answer `response: {}` (wrappers.md, "Not JSON at all").
  "primitives/void.json": () => ({}),
};

function someDate(rng: Prng): Date {
  return new Date(BASE_DATE + rng.int(0, 400) * 86_400_000 + rng.int(0, 8) * 3_600_000);
}

/** A string for a member by its name: dates, emails, links and names read as such. */
function stringFor(name: string, rng: Prng): string {
  const lower = name.toLowerCase();
  if (/(date|created|updated|deadline|time)$/.test(lower) || lower.startsWith("date"))
    return formatApiDate(someDate(rng));
  if (lower.includes("email")) return `${rng.pick(["anna", "oleg", "maria", "james"])}@example.com`;
  if (/(url|link|href|uri)$/.test(lower)) return `https://portal.example.com/${lower}/${rng.int(1, 99)}`;
  if (lower.endsWith("id") && lower !== "id") return rng.guid();
  if (/(name|title|subject|caption)$/.test(lower))
    return `${rng.pick(WORDS)} ${rng.pick(WORDS).toLowerCase()}`;
  if (/(description|text|content|body)$/.test(lower)) return `${rng.pick(WORDS)} notes for the team.`;
  return `${rng.pick(WORDS)} ${rng.int(1, 99)}`;
}

function integerFor(name: string, rng: Prng): number {
  const lower = name.toLowerCase();
  if (lower === "id" || lower.endsWith("id")) return rng.int(1, 500);
  if (/(count|total|size|length)$/.test(lower)) return rng.int(0, 12);
  return rng.int(0, 2);
}

/**
 * A value the schema accepts, built deterministically from `synthesis.rng`: the first non-null
 * branch, an enum's listed values, every declared member, two items per array. `name` is the
 * member the value is for, so heuristics and the module's values can make it plausible.
 */
export function synthesize(at: Located, name: string, synthesis: Synthesis, depth = 0): JsonValue {
  const { rng, values } = synthesis;
  const candidates = branches(at);
  const branch = candidates.find((candidate) => !isNullOnly(candidate.node));
  if (!branch) return null;
  const nullable = candidates.length > 1 || typesOf(branch).has("null");
  if (nullable && depth >= MAX_DEPTH) return null;
  const special = SPECIAL[branch.file];
  if (special && branch.node === schemaDocument(branch.file)) return special(rng, synthesis);
  if (branch.node.anyOf || branch.node.oneOf) return synthesize(branch, name, synthesis, depth);
  const node = branch.node;
  if (Array.isArray(node.enum)) return rng.pick(node.enum as JsonValue[]);
  if ("const" in node) return node.const as JsonValue;
  const known = values[name];
  if (known && known.length > 0) {
    const value = rng.pick(known);
    if (fits(value, branch)) return asDictionaryWhere(value, branch);
  }
  const types = typesOf(branch);
  if (types.has("object") || node.properties) return objectValue(branch, synthesis, depth);
  if (types.has("array")) return arrayValue(branch, name, synthesis, depth);
  // An id that may be an integer or a string (a file in the portal's storage or a third party's) is
  // an integer, as the portal's own entries are.
  if (types.has("integer") && /(^id|Id)$/.test(name)) return withinBounds(integerFor(name, rng), node);
  if (types.has("string")) return stringFor(name, rng);
  if (types.has("integer")) return withinBounds(integerFor(name, rng), node);
  if (types.has("number")) return withinBounds(rng.int(0, 9999) / 100, node);
  if (types.has("boolean")) return rng.next() < 0.5;
  return stringFor(name, rng);
}

function withinBounds(value: number, node: SchemaNode): number {
  const { minimum, maximum } = node as { minimum?: number; maximum?: number };
  return Math.min(maximum ?? value, Math.max(minimum ?? value, value));
}

function isNullOnly(node: SchemaNode): boolean {
  return node.type === "null";
}

function objectValue(branch: Located, synthesis: Synthesis, depth: number): JsonObject {
  const properties = branch.node.properties as Record<string, SchemaNode> | undefined;
  const object: JsonObject = {};
  if (properties) {
    for (const [member, schema] of Object.entries(properties)) {
      object[member] = synthesize({ node: schema, file: branch.file }, member, synthesis, depth + 1);
    }
    return object;
  }
  // A dictionary: one entry with an XML-safe key, so both formats carry it.
  const entry = branch.node.additionalProperties;
  if (entry && typeof entry === "object" && depth < MAX_DEPTH) {
    object.entry1 = synthesize(
      { node: entry as SchemaNode, file: branch.file },
      "entry",
      synthesis,
      depth + 1,
    );
  }
  return markDictionary(object);
}

/** A value given for a dictionary (a seed, a module's values) is marked as one (wire/json-value.ts). */
export function asDictionaryWhere(value: JsonValue, at: Located): JsonValue {
  const dictionary = branches(at).some(
    ({ node }) => !node.properties && (!!node.additionalProperties || !!node.propertyNames),
  );
  return dictionary && isJsonObject(value) ? markDictionary(value) : value;
}

function arrayValue(branch: Located, name: string, synthesis: Synthesis, depth: number): JsonValue[] {
  const items = branch.node.items as SchemaNode | undefined;
  if (!items || depth >= MAX_DEPTH) return [];
  const item: Located = { node: items, file: branch.file };
  // XML cannot carry an array directly inside an array (Json.NET repeats the member's element).
  if (typesOf(item).has("array")) return [];
  const records = synthesis.nested?.(name, item);
  if (records) return records;
  const singular = name.endsWith("s") ? name.slice(0, -1) : name;
  return [0, 1].map(() => synthesize(item, singular, synthesis, depth + 1));
}

/** Whether a value has a JSON type the schema node allows (shallow: members are not checked). */
export function fits(value: JsonValue | undefined, located: Located): boolean {
  if (value === undefined) return false;
  const types = typesOf(located);
  if (types.size === 0) return true;
  if (value === null) return types.has("null");
  if (Array.isArray(value)) return types.has("array");
  if (typeof value === "object")
    return types.has("object") || branches(located).some((b) => !!b.node.properties);
  if (typeof value === "number") return types.has("number");
  return types.has(typeof value);
}
