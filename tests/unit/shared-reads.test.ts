import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { refusalChecks } from "../../helpers/checks/auth";
import type { Check, CheckResult } from "../../helpers/checks/check";
import { ALL_CHECKS, runCheck } from "../../helpers/checks/index";
import { SharedReads } from "../../helpers/checks/shared-reads";
import type { Operation } from "../../helpers/contract/contract";
import type { Exchange, RequestSpec, WorkspaceClient } from "../../helpers/http/client";
import { testOperation, testRunner } from "../support/operation";

type Format = "json" | "xml";

// The auth checks read the run's token and user from what global setup hands over.
process.env.WC_RUN_INFO = JSON.stringify({
  token: "wc-token",
  credentials: { user: "admin", password: "x" },
});

/** Negotiates as documented (suffix, then Accept with q-values, then XML), but for what `broken` overrides. */
function negotiate(spec: RequestSpec, broken: (spec: RequestSpec) => Format | undefined): Format {
  const accept = spec.headers?.Accept ?? "*/*";
  return (
    broken(spec) ??
    (spec.path.endsWith(".json")
      ? "json"
      : spec.path.endsWith(".xml")
        ? "xml"
        : /application\/json(;q=0\.9)?$/.test(accept)
          ? "json"
          : "xml")
  );
}

/** A deployment answering `true` in the success envelope, 401 without credentials; it counts what it is sent. */
function deployment(broken: (spec: RequestSpec) => Format | undefined = () => undefined) {
  const sent: RequestSpec[] = [];
  const client = {
    refuseForbiddenWrite: () => undefined,
    send: async (spec: RequestSpec): Promise<Exchange> => {
      sent.push(spec);
      const request = { method: spec.method, url: spec.path, headers: { ...spec.headers } };
      if (spec.authorization === null)
        return { request, response: { status: 401, headers: {}, body: "" }, ms: 1 };
      const status = spec.method === "POST" ? 201 : 200;
      const format = negotiate(spec, broken);
      const body =
        format === "json"
          ? JSON.stringify({ status: 0, statusCode: status, response: true })
          : `<result><status>0</status><statusCode>${status}</statusCode><response>true</response></result>`;
      const headers = { "content-type": `application/${format}; charset=utf-8` };
      return { request, response: { status, headers, body }, ms: 1 };
    },
  } as unknown as WorkspaceClient;
  return { client, sent };
}

/** Runs checks of one operation as specs/contract.spec.ts does: one runner each, one SharedReads for all. */
async function checkOperation(op: Operation, checks: Check[], client: WorkspaceClient) {
  const reads = new SharedReads(op.key);
  const results = new Map<string, CheckResult>();
  for (const check of checks.filter((c) => c.appliesTo(op))) {
    const evidence: Exchange[] = [];
    const runner = testRunner(client, evidence, { allowWrites: true, disposable: true }, reads);
    results.set(`${check.family}.${check.name}`, await runCheck(op, check, runner, evidence));
  }
  return results;
}

const read = testOperation("settings", "flag", { schema: "primitives/bool.json" });
const noHeader = refusalChecks.filter((check) => check.name === "no-header");
const urls = (result: CheckResult | undefined) =>
  result?.exchanges.map((e) => `${e.request.url} ${e.request.headers.Accept ?? ""}`.trim());

describe("checks of one operation share its reads", () => {
  test("a conforming read: six requests for its status, format, schema, parity and no-header checks", async () => {
    const { client, sent } = deployment();
    const results = await checkOperation(read, [...ALL_CHECKS, ...noHeader], client);
    assert.equal(results.size, 11);
    for (const [name, result] of results) assert.equal(result.outcome, "passed", `${name}: ${result.why}`);
    // Six negotiations and the refusal; the status check's request is the default one and the control.
    assert.equal(sent.length, 7);
    assert.deepEqual(urls(results.get("status.success")), ["api/2.0/settings/flag */*"]);
    assert.deepEqual(urls(results.get("schema.json")), ["api/2.0/settings/flag application/json"]);
    assert.deepEqual(urls(results.get("schema.xml")), ["api/2.0/settings/flag */*"]);
    assert.deepEqual(urls(results.get("parity.xml-matches-json")), [
      "api/2.0/settings/flag application/json",
      "api/2.0/settings/flag */*",
    ]);
    assert.deepEqual(urls(results.get("auth.no-header")), [
      "api/2.0/settings/flag */*",
      "api/2.0/settings/flag */*",
    ]);
  });

  test("a broken negotiation fails its format check alone: the data checks take another answer in their format", async () => {
    const jsonByDefault = (spec: RequestSpec) =>
      !/\.(json|xml)$/.test(spec.path) && spec.headers?.Accept === "*/*" ? "json" : undefined;
    const { client, sent } = deployment(jsonByDefault);
    const results = await checkOperation(read, ALL_CHECKS, client);
    const failed = [...results].filter(([, r]) => r.outcome !== "passed").map(([name]) => name);
    assert.deepEqual(failed, ["format.default-is-xml"]);
    assert.deepEqual(urls(results.get("schema.xml")), ["api/2.0/settings/flag application/xml"]);
    assert.equal(sent.length, 6, "no request beyond the format checks' own");
  });

  test("with no answer in its format there yet, a data check sends its own suffixed request", async () => {
    const { client, sent } = deployment();
    const results = await checkOperation(
      read,
      ALL_CHECKS.filter((c) => c.family === "schema"),
      client,
    );
    assert.deepEqual(urls(results.get("schema.json")), ["api/2.0/settings/flag.json"]);
    assert.deepEqual(urls(results.get("schema.xml")), ["api/2.0/settings/flag.xml"]);
    assert.equal(sent.length, 2);
  });

  test("a creation's checks in a format share one request, and one record: JSON, XML, the default format", async () => {
    const create = testOperation("settings", "create", {
      method: "POST",
      creates: true,
      successStatus: 201,
      schema: "primitives/bool.json",
      body: { title: "{unique}" },
    });
    const { client, sent } = deployment();
    const results = await checkOperation(create, ALL_CHECKS, client);
    const json = ["status.success", "format.json-suffix", "request-body.json", "schema.json"];
    for (const name of json) assert.deepEqual(urls(results.get(name)), ["api/2.0/settings/create.json"]);
    for (const name of ["status.success-xml", "format.xml-suffix", "schema.xml"])
      assert.deepEqual(urls(results.get(name)), ["api/2.0/settings/create.xml"]);
    for (const name of ["status.success-default", "format.default-is-xml"])
      assert.deepEqual(urls(results.get(name)), ["api/2.0/settings/create */*"]);
    // And one for the form body.
    assert.equal(sent.length, 4);
  });
});

test("an answer of megabytes is not kept for later checks: they send again, and each frees its own", async () => {
  const reads = new SharedReads("settings.flag");
  let sent = 0;
  const answer = (body: string) => async () => {
    sent++;
    const exchange = { request: { method: "GET" as const, url: "", headers: {} }, ms: 1 };
    return { exchange: { ...exchange, response: { status: 200, headers: {}, body } } };
  };
  await reads.read("small", answer("{}"));
  await reads.read("small", answer("{}"));
  assert.equal(sent, 1);
  assert.ok(reads.answered("small"));
  const large = "x".repeat(2 * 1024 * 1024);
  await reads.read("large", answer(large));
  assert.equal(reads.answered("large"), undefined);
  await reads.read("large", answer(large));
  assert.equal(sent, 3);
});
