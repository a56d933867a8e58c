import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { JsonSchema } from "../contract/schemas";

export type Format = "json" | "xml";

/**
 * The format a Content-Type announces. Parameters (charset in any case) do not matter, and both
 * `application/xml` and `text/xml` are XML: the documentation names no XML media type.
 */
export function formatOfContentType(contentType: string | undefined): Format | undefined {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type)) return "json";
  if (type === "application/xml" || type === "text/xml" || /^application\/[\w.+-]+\+xml$/.test(type))
    return "xml";
  return undefined;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; why: string };

/**
 * Deeper than any API answer, and as deep as the XML parser goes (fast-xml-parser's maxNestedTags):
 * a deeper body is refused at the door, so nothing that walks a body (parity, schema) recurses past it.
 */
export const MAX_NESTING = 100;

export function parseJson(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, why: `not well-formed JSON: ${(error as Error).message}` };
  }
  if (nestsDeeperThan(value, MAX_NESTING))
    return { ok: false, why: `JSON nested too deeply (more than ${MAX_NESTING} levels)` };
  return { ok: true, value };
}

/** Whether arrays and objects nest deeper than `limit`, measured without recursion. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (!node || typeof node !== "object") continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** An XML element as the parser gives it: text, children by name (repeated names as arrays). */
export type XmlNode = string | { [name: string]: XmlNode | XmlNode[] };

/**
 * Text is kept as sent (trimValues off): a string member sent as " " is " ", not "". Character
 * references (`&#x20;`, `&#xD;`) are decoded, as XML requires (htmlEntities: the parser's only switch
 * for them, which also knows HTML's names; a document using those is not XML anyway).
 */
const xmlParser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  processEntities: true,
  htmlEntities: true,
  trimValues: false,
  maxNestedTags: MAX_NESTING,
});

/** Where the parser puts the text of an element that also has child elements. */
const TEXT = "#text";

/**
 * Drops the whitespace between elements (indentation, the line after a declaration; XML's four
 * whitespace characters), which is layout, not text: only an element holding text alone keeps its
 * content as sent. Depth is bounded by the parser's maxNestedTags.
 */
function withoutLayout(node: XmlNode | XmlNode[]): XmlNode | XmlNode[] {
  if (Array.isArray(node)) return node.map((item) => withoutLayout(item) as XmlNode);
  if (typeof node !== "object") return node;
  const out: { [name: string]: XmlNode | XmlNode[] } = {};
  for (const [name, child] of Object.entries(node)) {
    if (name === TEXT && typeof child === "string" && /^[ \t\r\n]*$/.test(child)) continue;
    out[name] = withoutLayout(child);
  }
  return out;
}

/**
 * The parser's refusals of hostile XML (its own texts, fast-xml-parser 5.12), in the suite's words;
 * like every reason a body is unreadable, it reads after "the body is".
 */
function xmlRefusal(message: string): string {
  if (/nested tags/i.test(message))
    return `XML nested too deeply (more than ${MAX_NESTING} elements inside one another)`;
  if (/entit|expan/i.test(message))
    return `XML whose entities expand past the parser's limits (${message.replace(/^\[\w+\]\s*/, "")})`;
  return `not well-formed XML: ${message}`;
}

/** Parses an XML document; `value` is `{ name, root }` of its single root element. */
export function parseXml(text: string): Parsed {
  let doc: Record<string, XmlNode>;
  try {
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
      const { msg, line, col } = valid.err;
      return { ok: false, why: `not well-formed XML: ${msg} (line ${line}, column ${col})` };
    }
    doc = withoutLayout(xmlParser.parse(text) as XmlNode) as Record<string, XmlNode>;
  } catch (error) {
    return { ok: false, why: xmlRefusal((error as Error).message) };
  }
  const names = Object.keys(doc);
  if (names.length !== 1)
    return { ok: false, why: `an XML document needs one root element, found ${names.length}` };
  return { ok: true, value: { name: names[0], root: doc[names[0]] } };
}

export function parseBody(format: Format, text: string): Parsed {
  return format === "json" ? parseJson(text) : parseXml(text);
}

/** Looks up a schema by absolute URI (with an optional #fragment); supplied by the schema registry. */
export type SchemaLookup = (uri: string) => JsonSchema;

type Kind = "null" | "boolean" | "integer" | "number" | "string" | "object" | "array";

/**
 * XML carries no types: turns an element tree into the JSON value it stands for, guided by the schema
 * (numbers, booleans, arrays of repeated elements, empty elements as null, "" or {}), so the same
 * schema validates both formats and XML can be compared with JSON. Values the schema does not
 * describe are left as text.
 *
 * Json.NET's XmlNodeConverter, which writes the real server's XML (workspace-api-facts.md §1, "XML
 * equivalent"), writes an empty array as no element at all, a one-item array as its item alone, and
 * null, "" and {} as an empty element. So a required member that may be an array and has no element
 * is read as the empty array, at any depth (the envelope's response, a record's list, the records
 * of a list); any other required member with no element stays missing, and fails the schema.
 */
export function xmlToJson(
  node: XmlNode | XmlNode[],
  schema: JsonSchema,
  base: string,
  lookup: SchemaLookup,
): unknown {
  const view = resolve(schema, base, lookup);
  const kinds = kindsOf(view, lookup);
  if (node === "") return emptyElement(view, kinds, lookup);
  if (kinds.has("array")) {
    const items = (Array.isArray(node) ? node : [node]) as XmlNode[];
    const itemSchema = findKeyword(view, "items", lookup);
    if (!itemSchema) return items;
    const nested = kindsOf(resolve(itemSchema.schema, itemSchema.base, lookup), lookup).has("array");
    return items.map((item) =>
      // An array inside an array always has an element of its own: an empty one is [].
      nested && item === ""
        ? []
        : xmlToJson(nested ? innerArray(item) : item, itemSchema.schema, itemSchema.base, lookup),
    );
  }
  if (Array.isArray(node)) return node.map((item) => xmlToJson(item, schema, base, lookup));
  if (typeof node === "object") {
    const out: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(node)) {
      const property = findProperty(view, name, lookup);
      out[name] = property ? xmlToJson(child, property.schema, property.base, lookup) : child;
    }
    return withEmptyArrays(out, view, lookup);
  }
  return convertText(node, kinds);
}

/**
 * An empty element: null where the schema allows it, else "" or {} (an object gets its required
 * arrays, which left no element). An empty array never makes one, so where only an array fits, the
 * element is a one-item array whose item is empty (`[null]`, `[""]` and `[{}]` are all written so).
 */
function emptyElement(view: SchemaView, kinds: Set<Kind>, lookup: SchemaLookup): unknown {
  if (kinds.has("null")) return null;
  if (kinds.has("string")) return "";
  if (kinds.has("object")) return withEmptyArrays({}, view, lookup);
  if (kinds.has("array")) {
    const itemSchema = findKeyword(view, "items", lookup);
    return [itemSchema ? xmlToJson("", itemSchema.schema, itemSchema.base, lookup) : ""];
  }
  return "";
}

/** Adds each required member with no element whose schema allows an array (or sets no type) as []. */
function withEmptyArrays(
  out: Record<string, unknown>,
  view: SchemaView,
  lookup: SchemaLookup,
): Record<string, unknown> {
  for (const name of requiredNames(view, lookup)) {
    if (name in out) continue;
    const property = findProperty(view, name, lookup);
    if (!property) continue;
    const kinds = kindsOf(resolve(property.schema, property.base, lookup), lookup);
    if (kinds.has("array") || kinds.size === 0) out[name] = [];
  }
  return out;
}

/**
 * An array inside an array has no member name of its own: Json.NET's XmlNodeConverter repeats the outer
 * name, so `[["a","b"]]` under `response` is `<response><response>a</response><response>b</response></response>`:
 * an item that is an array is the one child name its element holds.
 */
function innerArray(item: XmlNode): XmlNode | XmlNode[] {
  if (typeof item !== "object") return item;
  const names = Object.keys(item);
  return names.length === 1 ? item[names[0]] : item;
}

function convertText(text: string, kinds: Set<Kind>): unknown {
  if (kinds.has("boolean") && (text === "true" || text === "false")) return text === "true";
  if ((kinds.has("integer") || kinds.has("number")) && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) {
    return Number(text);
  }
  return text;
}

interface SchemaView {
  schema: JsonSchema;
  base: string;
}

function resolve(given: JsonSchema | boolean, base: string, lookup: SchemaLookup): SchemaView {
  // A boolean schema (`"response": true` in the bare envelope) says nothing of the shape.
  const schema: JsonSchema = given && typeof given === "object" ? given : {};
  let view: SchemaView = { schema, base: typeof schema.$id === "string" ? schema.$id : base };
  for (let hops = 0; typeof view.schema.$ref === "string" && hops < 32; hops++) {
    const target = new URL(view.schema.$ref, view.base).href;
    const [documentUri] = target.split("#");
    const resolved = lookup(target);
    view = { schema: resolved, base: typeof resolved.$id === "string" ? resolved.$id : documentUri };
  }
  return view;
}

/**
 * A schema's resolved branches, by schema object and base: a schema is read-only once loaded, and an
 * XML answer walks the same few schemas for every element (a third of reading it, uncached).
 */
const branchesOf = new WeakMap<JsonSchema, Map<string, SchemaView[]>>();

/** The schema itself and the branches of allOf/anyOf/oneOf, each resolved. */
function branches(view: SchemaView, lookup: SchemaLookup): SchemaView[] {
  const byBase = branchesOf.get(view.schema) ?? new Map<string, SchemaView[]>();
  branchesOf.set(view.schema, byBase);
  const found = byBase.get(view.base) ?? resolvedBranches(view, lookup);
  byBase.set(view.base, found);
  return found;
}

function resolvedBranches(view: SchemaView, lookup: SchemaLookup): SchemaView[] {
  const out = [view];
  for (const keyword of ["allOf", "anyOf", "oneOf"]) {
    const list = view.schema[keyword];
    if (Array.isArray(list)) {
      for (const sub of list as JsonSchema[]) out.push(...branches(resolve(sub, view.base, lookup), lookup));
    }
  }
  return out;
}

function kindsOf(view: SchemaView, lookup: SchemaLookup): Set<Kind> {
  const kinds = new Set<Kind>();
  for (const { schema } of branches(view, lookup)) {
    const type = schema.type;
    for (const t of Array.isArray(type) ? type : type ? [type] : []) kinds.add(t as Kind);
    for (const value of "const" in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : []) {
      kinds.add(kindOfValue(value));
    }
    if (schema.properties) kinds.add("object");
    if (schema.items) kinds.add("array");
  }
  return kinds;
}

function kindOfValue(value: unknown): Kind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as Kind;
}

function requiredNames(view: SchemaView, lookup: SchemaLookup): string[] {
  return branches(view, lookup).flatMap(({ schema }) =>
    Array.isArray(schema.required) ? schema.required : [],
  );
}

function findKeyword(view: SchemaView, keyword: string, lookup: SchemaLookup): SchemaView | undefined {
  for (const branch of branches(view, lookup)) {
    const sub = branch.schema[keyword];
    if (sub && typeof sub === "object") return { schema: sub as JsonSchema, base: branch.base };
  }
  return undefined;
}

/** A member's schema: a named property, else the dictionary's value schema (additionalProperties). */
function findProperty(view: SchemaView, name: string, lookup: SchemaLookup): SchemaView | undefined {
  const all = branches(view, lookup);
  for (const branch of all) {
    const properties = branch.schema.properties as Record<string, JsonSchema> | undefined;
    if (properties?.[name]) return { schema: properties[name], base: branch.base };
  }
  for (const branch of all) {
    const values = branch.schema.additionalProperties;
    if (values && typeof values === "object") return { schema: values as JsonSchema, base: branch.base };
  }
  return undefined;
}

/** `/response/0/displayName` in the JSON form is `result/response[1]/displayName` in the XML form. */
export function xmlElementPath(pointer: string, root = "result"): string {
  const parts: string[] = [root];
  for (const segment of pointer.split("/").slice(1)) {
    if (/^\d+$/.test(segment) && parts.length > 1) parts[parts.length - 1] += `[${Number(segment) + 1}]`;
    else if (segment) parts.push(segment);
  }
  return parts.join("/");
}

/**
 * Reads a body for the suite's own use (discovering ids, reading a login), not for a check: whatever
 * the Content-Type says, JSON or XML is taken as found (XML values stay text), so one broken rule of
 * a deployment does not stop every check that merely needs an id from it.
 */
export function readLeniently(contentType: string | undefined, text: string): unknown {
  const announced = formatOfContentType(contentType);
  for (const format of announced === "xml" ? (["xml", "json"] as const) : (["json", "xml"] as const)) {
    const parsed = parseBody(format, text);
    if (parsed.ok) return format === "json" ? parsed.value : (parsed.value as { root: XmlNode }).root;
  }
  return undefined;
}
