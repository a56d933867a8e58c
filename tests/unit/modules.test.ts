import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { Operation, Section } from "../../helpers/contract/contract";
import type { Exchange } from "../../helpers/http/client";
import { ConfigError, loadConfig } from "../../helpers/run/config";
import {
  checkRequiredModules,
  classifyProbe,
  type ModuleStatus,
  probeOf,
  probeRequest,
  requiredModules,
  unavailability,
} from "../../helpers/run/modules";
import { DOCUMENTED, loadProfile } from "../../helpers/run/profile";
import { testOperation } from "../support/operation";

const op = (id: string, extra: Partial<Operation> = {}) => testOperation("crm", id, extra);
const section = (operations: Operation[]): Section => ({
  name: "crm",
  title: "CRM",
  file: "specs/crm.yaml",
  operations,
});

const answer = (status: number, contentType: string, body: string): Exchange => ({
  request: { method: "GET", url: "http://x/api/2.0/crm/contact.json", headers: {} },
  response: { status, headers: { "content-type": contentType }, body },
  ms: 1,
});

test("the probe: the first GET without effects that needs no look-up, one without placeholders first", () => {
  const byId = op("contact-by-id", {
    path: "api/2.0/crm/contact/{contactid}",
    params: { contactid: { from: "GET api/2.0/crm/contact", select: "[0].id" } },
    unknown: { contactid: 999999 },
  });
  const lookedUp = op("task", {
    path: "api/2.0/crm/task/{id}",
    params: { id: { from: "GET api/2.0/crm/contact", select: "[0].id" } },
  });
  const pdf = op("invoice-pdf", { effects: "renders and stores a PDF" });
  const list = op("contact", { path: "api/2.0/crm/contact" });
  assert.equal(probeOf(section([pdf, lookedUp, byId, list]))?.op.key, "crm.contact");
  const probe = probeOf(section([pdf, lookedUp, byId]));
  assert.equal(probe?.op.key, "crm.contact-by-id", "an unknown id reaches the route as well as a real one");
  assert.equal(probe && probeRequest(probe.op, probe.values).path, "api/2.0/crm/contact/999999.json");
  assert.equal(probeOf(section([pdf, lookedUp])), undefined);
});

test("a probe's answer: an HTML 404 is a module not installed; 403 Forbidden in the envelope one switched off; the API's own answers mean available", () => {
  const classify = (exchange: Exchange) =>
    classifyProbe("crm", "crm.contact", "GET api/2.0/crm/contact.json", exchange);
  const page = classify(
    answer(404, "text/html; charset=utf-8", "<!DOCTYPE html><html><body><h1>404</h1></body></html>"),
  );
  assert.equal(page.available, false);
  assert.match(
    page.reason,
    /^not installed: GET api\/2\.0\/crm\/contact\.json answered 404 with a page \(text\/html; charset=utf-8\)/,
  );
  const off = classify(
    answer(
      403,
      "application/json; charset=UTF-8",
      '{"status":1,"statusCode":403,"error":{"message":"Forbidden","hresult":-2146233079,"data":{}}}',
    ),
  );
  assert.equal(off.available, false);
  assert.match(off.reason, /^switched off: .* answered 403 "Forbidden"/);
  const offXml = classify(
    answer(
      403,
      "text/xml",
      "<result><status>1</status><statusCode>403</statusCode><error><message>Forbidden</message></error></result>",
    ),
  );
  assert.equal(offXml.available, false);
  // The API answering: a missing record, another 403, a success, no answer at all.
  for (const exchange of [
    answer(404, "application/json", '{"status":1,"statusCode":404,"error":{"message":"Not found"}}'),
    answer(404, "text/xml", "<result><status>1</status><statusCode>404</statusCode></result>"),
    answer(403, "application/json", '{"status":1,"statusCode":403,"error":{"message":"Access denied"}}'),
    answer(200, "application/json", '{"status":0,"statusCode":200,"response":[]}'),
    { ...answer(200, "", ""), response: undefined, error: "connection refused" },
  ])
    assert.equal(classify(exchange).available, true, JSON.stringify(exchange.response));
});

test("an operation of an unavailable module, or one that looks a value up from it, is not run, with the reason", () => {
  const statuses = new Map<string, ModuleStatus>([
    ["crm", { module: "crm", available: false, reason: "not installed: ...", probe: "crm.contact" }],
    ["people", { module: "people", available: true, reason: "answered 200", probe: "people.list" }],
  ]);
  assert.match(
    unavailability(op("contact"), statuses) ?? "",
    /^module crm is unavailable \(not installed: \.\.\.\)$/,
  );
  const fromCrm = op("x", {
    section: "project",
    params: { id: { from: "GET api/2.0/crm/contact", select: "[0].id" } },
  });
  assert.match(
    unavailability(fromCrm, statuses) ?? "",
    /looks up a value from module crm, which is unavailable/,
  );
  assert.equal(unavailability(op("y", { section: "people" }), statuses), undefined);
});

test("required modules: WORKSPACE_REQUIRED_MODULES and a profile's requiredModules; an unknown module is a setup mistake", () => {
  const config = loadConfig({ WORKSPACE_REQUIRED_MODULES: " people, Files ,people" });
  assert.deepEqual(config.requiredModules, ["people", "files"]);
  assert.throws(() => loadConfig({ WORKSPACE_REQUIRED_MODULES: "people,cr m" }), ConfigError);
  const dir = mkdtempSync(join(tmpdir(), "profiles-"));
  writeFileSync(
    join(dir, "staging.yaml"),
    "profile: staging\nrequiredModules: [group, crm]\ndeviations: []\n",
  );
  const profile = loadProfile("staging", dir);
  assert.deepEqual([...requiredModules(config, profile)], ["people", "files", "group", "crm"]);
  const sections = ["people", "files", "group"].map((name) => ({ ...section([]), name }));
  assert.throws(
    () => checkRequiredModules(config, profile, sections),
    /requiredModules of .*staging\.yaml names "crm", which is not a module of the contract \(specs\/\*\.yaml sections: files, group, people\)/,
  );
  assert.throws(
    () => checkRequiredModules({ requiredModules: ["crmx"] }, DOCUMENTED, sections),
    /^ConfigError: WORKSPACE_REQUIRED_MODULES names "crmx"/,
  );
  writeFileSync(join(dir, "bad.yaml"), "profile: bad\nrequiredModules: [People]\ndeviations: []\n");
  assert.throws(() => loadProfile("bad", dir), /bad\.yaml:2:\d+ requiredModules\.0: must match pattern/);
});
