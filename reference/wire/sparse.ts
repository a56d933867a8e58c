import { branches, type Located, type SchemaNode, typesOf } from "../generic/schema-files";
import { isDictionary, isJsonObject, type JsonObject, type JsonValue } from "./json-value";

/**
 * Members that make a record findable, kept whatever their schema allows: its id and the ids of
 * what it belongs to, the names the portal shows it by, a rate's currencies. The server never
 * writes a record without them (a wiki page is its name, a user has a username and an email), and
 * a contract reads its records by them.
 */
const IDENTITY = /^(id|.*Id|name|title|userName|email|firstName|displayName|number|fromCurrency|toCurrency)$/;

/** Numbers that count something: 0 is what a record with empty lists sends. */
const COUNT = /(count|total)s?$/i;

/**
 * How much of a record's lists of records survives: all of them in the answer itself (a folder's
 * contents) and in the answer's first record, whose own first record keeps its lists the same way (a
 * contract finds what it reads through the first: `[0].commonData[0].id`, and lists its records
 * there: `categories[0].threads`); none anywhere else.
 */
type Lists = "all" | "first" | "none";

/**
 * The `sparse` variant: each record as sparse as its schema lets the server write it. A member not
 * required (EmitDefaultValue=false) is absent, an array empty, a nullable member null, a count 0;
 * identity members keep their values. The answer keeps its records (a list its items, an object
 * the records it holds), each made sparse, so a contract still finds what it reads.
 */
export function sparseResponse(response: JsonValue, schema: Located): JsonValue {
  if (Array.isArray(response)) return sparseList(response, itemsOf(schema), "all");
  return sparseRecord(response, schema, "all");
}

/** A record may be left with no member (an address with every field at its default): `{}`, `<addresses/>`. */
function sparseList(list: JsonValue[], items: Located, lists: Lists): JsonValue[] {
  if (lists === "none") return [];
  return list.map((item, index) => sparseRecord(item, items, index === 0 ? "first" : "none"));
}

function sparseRecord(value: JsonValue, schema: Located, lists: Lists): JsonValue {
  if (!isJsonObject(value) || isDictionary(value)) return value;
  const branch = recordBranch(value, schema);
  if (!branch) return value;
  const needed = required(branch);
  const entries = Object.entries(value).map(([key, member]): [string, JsonValue | undefined] => {
    if (member === undefined || IDENTITY.test(key)) return [key, member];
    const at = memberSchema(branch, key);
    // A member the schema does not describe (a larger type than the documented one) keeps its
    // place; its arrays are empty all the same, as the server's would be.
    if (!at) return [key, Array.isArray(member) ? [] : member];
    if (lists !== "none" && Array.isArray(member) && member.some(isJsonObject))
      return [key, sparseList(member, itemsOf(at), lists)];
    if (lists === "all" && isJsonObject(member)) return [key, sparseRecord(member, at, "none")];
    if (!needed.has(key)) return [key, undefined];
    if (Array.isArray(member)) return [key, []];
    if (typesOf(at).has("null")) return [key, null];
    if (isJsonObject(member)) return [key, sparseRecord(member, at, "none")];
    // A count agrees with the lists beside it: 0 only where they are empty (the server counts them).
    if (lists === "none" && typeof member === "number" && COUNT.test(key) && mayBeZero(at)) return [key, 0];
    return [key, member];
  });
  return Object.fromEntries(entries);
}

function mayBeZero(at: Located): boolean {
  return branches(at).some(({ node }) => {
    const { minimum, exclusiveMinimum } = node as { minimum?: number; exclusiveMinimum?: number };
    return !node.enum && (minimum ?? 0) <= 0 && (exclusiveMinimum ?? -1) < 0;
  });
}

function itemsOf(schema: Located): Located {
  const list = branches(schema).find(({ node }) => node.items);
  return list ? { node: list.node.items as SchemaNode, file: list.file } : schema;
}

/** The object branch the value is (a company or a person): the one whose required members it has. */
function recordBranch(value: JsonObject, schema: Located): Located | undefined {
  const objects = branches(schema).filter(({ node }) => node.properties);
  return (
    objects.find((branch) => [...required(branch)].every((key) => value[key] !== undefined)) ?? objects[0]
  );
}

function required(branch: Located): Set<string> {
  return new Set((branch.node.required as string[] | undefined) ?? []);
}

function memberSchema(branch: Located, key: string): Located | undefined {
  const node = (branch.node.properties as Record<string, SchemaNode>)[key];
  return node ? { node, file: branch.file } : undefined;
}
