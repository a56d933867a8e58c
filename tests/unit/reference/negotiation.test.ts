import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ADMIN_BASIC, type Api, reference } from "./support";

/** The format a response came in, judged by content type and body. */
async function formatOf(api: Api, path: string, accept?: string): Promise<"json" | "xml"> {
  const headers: Record<string, string> = { Authorization: ADMIN_BASIC };
  if (accept !== undefined) headers.Accept = accept;
  const response = await api.fetch(path, { headers });
  const body = await response.text();
  const type = response.headers.get("content-type") ?? "";
  if (type.startsWith("application/json")) {
    assert.equal(body[0], "{");
    return "json";
  }
  assert.match(type, /^application\/xml; charset=utf-8$/);
  assert.ok(body.startsWith("<result>"), body);
  return "xml";
}

describe("format negotiation", () => {
  let api: Api;
  before(async () => {
    api = await reference();
  });
  after(() => api.close());

  const cases: [string, string | undefined, "json" | "xml"][] = [
    ["people/@self", undefined, "xml"],
    ["people/@self", "*/*", "xml"],
    ["people/@self", "application/*", "xml"],
    ["people/@self", "text/html", "xml"],
    ["people/@self", "application/json", "json"],
    ["people/@self", "application/xml", "xml"],
    ["people/@self", "text/xml", "xml"],
    ["people/@self", "application/json;q=0.5, application/xml;q=0.9", "xml"],
    ["people/@self", "application/xml;q=0.2, application/json", "json"],
    ["people/@self", "application/json;q=0", "xml"],
    ["people/@self", "application/json, */*;q=0.1", "json"],
    ["people/@self", "text/plain, application/json, */*", "json"],
    ["people/@self.json", undefined, "json"],
    ["people/@self.json", "application/xml", "json"],
    ["people/@self.xml", "application/json", "xml"],
    [`people/administrator.json`, undefined, "json"],
    ["files/folder/101.xml", "application/json", "xml"],
    ["capabilities/", "application/json", "json"],
    ["capabilities.json?x=1", undefined, "json"],
  ];
  for (const [path, accept, expected] of cases) {
    test(`${path} with Accept ${accept ?? "(none)"} -> ${expected}`, async () => {
      assert.equal(await formatOf(api, path, accept), expected);
    });
  }

  test("suffixes are case-sensitive: .JSON is part of the user id", async () => {
    const response = await api.fetch("people/administrator.JSON", {
      headers: { Authorization: ADMIN_BASIC },
    });
    assert.equal(response.status, 404);
    assert.match(await response.text(), /^<result>.*User not found/);
  });

  test("errors use the negotiated format", async () => {
    const xml = await api.fetch("nothing/here");
    assert.equal(xml.status, 404);
    assert.match(await xml.text(), /^<result><status>1<\/status><statusCode>404<\/statusCode><error>/);
    const json = await api.fetch("nothing/here.json");
    assert.deepEqual(await json.json(), {
      status: 1,
      statusCode: 404,
      error: { message: "Method not found", hresult: -2147467259, data: {} },
    });
  });
});
