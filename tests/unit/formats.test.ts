import assert from "node:assert/strict";
import { test } from "node:test";
import { SCHEMA_BASE, schemaRegistry } from "../../helpers/contract/schemas";
import {
  formatOfContentType,
  MAX_NESTING,
  parseJson,
  parseXml,
  readLeniently,
  type XmlNode,
  xmlElementPath,
  xmlToJson,
} from "../../helpers/http/formats";

const registry = schemaRegistry();
const lookup = (uri: string) => registry.get(uri);

function xmlAsJson(xml: string, schemaPath: string): unknown {
  const parsed = parseXml(xml);
  assert.ok(parsed.ok, parsed.ok ? "" : parsed.why);
  const { root } = parsed.value as { root: XmlNode };
  const id = SCHEMA_BASE + schemaPath;
  return xmlToJson(root, registry.get(id), id, lookup);
}

test("content types: charset case and text/xml vs application/xml do not matter", () => {
  assert.equal(formatOfContentType("application/json; charset=UTF-8"), "json");
  assert.equal(formatOfContentType("Application/JSON"), "json");
  assert.equal(formatOfContentType("text/xml; charset=utf-8"), "xml");
  assert.equal(formatOfContentType("application/xml"), "xml");
  assert.equal(formatOfContentType("text/plain"), undefined);
  assert.equal(formatOfContentType(undefined), undefined);
});

test("malformed XML is reported with its line and column", () => {
  const parsed = parseXml("<result><status>0</status>");
  assert.equal(parsed.ok, false);
  assert.match(parsed.ok ? "" : parsed.why, /not well-formed XML: .*line 1/);
});

test("hostile XML is refused in the suite's words, never with the parser's exception", () => {
  const nested = (depth: number) => `<result>${"<a>".repeat(depth)}x${"</a>".repeat(depth)}</result>`;
  assert.ok(parseXml(nested(MAX_NESTING - 2)).ok, "an ordinary depth is read");
  for (const depth of [MAX_NESTING + 1, 100_000]) {
    assert.deepEqual(parseXml(nested(depth)), {
      ok: false,
      why: `XML nested too deeply (more than ${MAX_NESTING} elements inside one another)`,
    });
  }
  const bomb = `<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">]><result>${"&a;".repeat(20_000)}</result>`;
  const refused = parseXml(bomb);
  assert.ok(!refused.ok && /^XML whose entities expand past the parser's limits \(/.test(refused.why));
  // The suite's own reads (a login, a discovered id) meet the same XML: no exception escapes them.
  assert.equal(readLeniently("text/xml", nested(100_000)), undefined);
  assert.equal(readLeniently("application/xml", bomb), undefined);
});

test("JSON nested deeper than any API answer is refused before anything walks it (parity, schema)", () => {
  const nested = (depth: number) => `{"response":${"[".repeat(depth)}${"]".repeat(depth)}}`;
  assert.ok(parseJson(nested(MAX_NESTING - 1)).ok);
  for (const depth of [MAX_NESTING, 100_000]) {
    assert.deepEqual(parseJson(nested(depth)), {
      ok: false,
      why: `JSON nested too deeply (more than ${MAX_NESTING} levels)`,
    });
  }
});

test("XML is converted to JSON by the schema: numbers, booleans, null, repeated elements", () => {
  const xml =
    "<result><count>2</count><status>0</status><statusCode>200</statusCode>" +
    "<response><id>0b9b1e1a-0000-4000-8000-000000000001</id><name>Sales</name><manager /></response>" +
    "<response><id>0b9b1e1a-0000-4000-8000-000000000002</id><name>007</name><manager>john</manager></response></result>";
  const registryId = registry.define({
    $id: `${SCHEMA_BASE}composed/test/group-list`,
    allOf: [{ $ref: `${SCHEMA_BASE}envelope/success.json` }],
    properties: { response: { $ref: `${SCHEMA_BASE}group/group-wrapper-summary-list.json` } },
  });
  const parsed = parseXml(xml);
  assert.ok(parsed.ok);
  const value = xmlToJson(
    (parsed.value as { root: XmlNode }).root,
    registry.get(registryId),
    registryId,
    lookup,
  );
  assert.deepEqual(value, {
    count: 2,
    status: 0,
    statusCode: 200,
    response: [
      { id: "0b9b1e1a-0000-4000-8000-000000000001", name: "Sales", manager: null },
      { id: "0b9b1e1a-0000-4000-8000-000000000002", name: "007", manager: "john" },
    ],
  });
  assert.deepEqual(registry.validate(registryId, value), []);
});

test("a single repeated element is still an array; a value of the wrong type stays text and fails", () => {
  const value = xmlAsJson(
    "<response><id>1</id><title>t</title><files /><folders><id>2</id></folders><current><id>1</id></current><startIndex>0</startIndex><count>x</count><total>1</total></response>",
    "files/folder-content-wrapper.json",
  ) as Record<string, unknown>;
  assert.deepEqual(value.folders, [{ id: 2 }]);
  assert.equal(value.count, "x");
});

test("an empty element is null where the array may be null, else a one-item array of an empty item (an empty array leaves no element)", () => {
  const id = registry.define({
    $id: `${SCHEMA_BASE}test/empty-arrays.json`,
    type: "object",
    properties: {
      never: { type: "array", items: { type: "integer" } },
      maybe: { type: ["array", "null"], items: { type: "integer" } },
    },
  });
  const parsed = parseXml("<response><never /><maybe /></response>");
  assert.ok(parsed.ok);
  const { root } = parsed.value as { root: XmlNode };
  // [null], [""] and [{}] are written <never />; [] is not written at all. An integer item cannot be
  // empty, so the reading fails the schema, as the JSON null it most likely stands for does.
  const value = xmlToJson(root, registry.get(id), id, lookup);
  assert.deepEqual(value, { never: [""], maybe: null });
  assert.notDeepEqual(registry.validate(id, value), []);
});

test("XML element paths name repeated elements by position", () => {
  assert.equal(xmlElementPath("/response/0/displayName"), "result/response[1]/displayName");
  assert.equal(xmlElementPath("/response/groups/1/id"), "result/response/groups[2]/id");
});

test("XML by the generated schemas: $ref across files, null unions, anyOf, integer enums, dictionaries, nested arrays", () => {
  const id = registry.define({
    $id: `${SCHEMA_BASE}composed/test/generated-forms`,
    type: "object",
    properties: {
      folder: { $ref: `${SCHEMA_BASE}files/folder-wrapper.json` },
      status: { $ref: `${SCHEMA_BASE}people/enums/employee-status.json` },
      manager: { anyOf: [{ $ref: `${SCHEMA_BASE}people/employee-wraper.json` }, { type: "null" }] },
      props: { type: ["object", "null"], additionalProperties: { type: ["integer", "null"] } },
      table: { $ref: `${SCHEMA_BASE}primitives/string-list-list.json` },
    },
  });
  const xml =
    "<result><folder><id>12</id><parentId>sbox-3</parentId><filesCount>0</filesCount><shared>false</shared></folder>" +
    "<status>1</status><manager /><props><maxSize>5</maxSize><none /></props>" +
    "<table><table>a</table><table>1</table></table><table><table>b</table></table></result>";
  const parsed = parseXml(xml);
  assert.ok(parsed.ok);
  const value = xmlToJson((parsed.value as { root: XmlNode }).root, registry.get(id), id, lookup);
  assert.deepEqual(value, {
    folder: { id: 12, parentId: "sbox-3", filesCount: 0, shared: false },
    status: 1,
    manager: null,
    props: { maxSize: 5, none: null },
    table: [["a", "1"], ["b"]],
  });
});

test("text is kept as sent; whitespace between elements (indentation, after a declaration) is layout, not text", () => {
  const schema = registry.define({
    $id: `${SCHEMA_BASE}test/whitespace.json`,
    type: "object",
    properties: {
      title: { type: "string" },
      note: { type: ["string", "null"] },
      items: { type: "array", items: { type: "object", properties: { name: { type: "string" } } } },
    },
  });
  const read = (xml: string) => {
    const parsed = parseXml(xml);
    assert.ok(parsed.ok, parsed.ok ? "" : parsed.why);
    return xmlToJson((parsed.value as { root: XmlNode }).root, registry.get(schema), schema, lookup);
  };
  const expected = { title: " ", note: "  \n", items: [{ name: " a " }, { name: "\t" }] };
  assert.deepEqual(
    read(
      "<response><title> </title><note>  \n</note><items><name> a </name></items><items><name>\t</name></items></response>",
    ),
    expected,
  );
  assert.deepEqual(
    read(
      '<?xml version="1.0" encoding="utf-8"?>\n<response>\n  <title> </title>\n  <note>  \n</note>\n  <items>\n    <name> a </name>\n  </items>\n  <items>\n    <name>\t</name>\n  </items>\n</response>\n',
    ),
    expected,
  );
  // Character references are text too (an XML writer may escape a space or a carriage return so).
  assert.deepEqual(read("<response><title>&#x20;</title><note>a&#xD;&#10;b</note></response>"), {
    title: " ",
    note: "a\r\nb",
  });
  // An empty element is still empty: "" for a string, null where null is allowed.
  assert.deepEqual(read("<response><title /><note></note></response>"), { title: "", note: null });
});

test("an absent element is [] only where a required member may be a list; a required scalar or object stays missing", () => {
  const id = registry.define({
    $id: `${SCHEMA_BASE}test/absent.json`,
    type: "object",
    required: ["list", "maybe", "untyped", "count", "record", "nested"],
    properties: {
      list: { type: "array", items: { type: "integer" } },
      maybe: { anyOf: [{ $ref: `${SCHEMA_BASE}primitives/string-list-list.json` }, { type: "null" }] },
      untyped: {},
      optional: { type: "array", items: { type: "integer" } },
      count: { type: "integer" },
      record: { type: "object", required: ["inner"], properties: { inner: { type: ["array", "null"] } } },
      nested: {
        type: "array",
        items: { type: "object", required: ["deep"], properties: { deep: { type: "array", items: {} } } },
      },
    },
  });
  const parsed = parseXml(
    "<response><record /><nested><x>1</x></nested><nested><x>2</x></nested></response>",
  );
  assert.ok(parsed.ok);
  const value = xmlToJson((parsed.value as { root: XmlNode }).root, registry.get(id), id, lookup);
  assert.deepEqual(value, {
    record: { inner: [] },
    nested: [
      { x: "1", deep: [] },
      { x: "2", deep: [] },
    ],
    list: [],
    maybe: [],
    untyped: [],
  });
  assert.deepEqual(
    registry.validate(id, value).map((v) => `${v.path} ${v.message}`),
    ["/count is missing (required)"],
  );
});

test("the bare success envelope (response: true, an operation with no schema) reads without throwing", () => {
  assert.deepEqual(
    xmlAsJson(
      "<result><status>0</status><statusCode>200</statusCode><response><a>1</a></response></result>",
      "envelope/success.json",
    ),
    { status: 0, statusCode: 200, response: { a: "1" } },
  );
});
