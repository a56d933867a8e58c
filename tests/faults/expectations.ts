import assert from "node:assert/strict";
import { ruleOf, type SuiteRun } from "../support/run-suite";

/**
 * For every fault of the reference: the checks (family.check) named for the rule it breaks, which
 * must catch it, and the checks that may fail with it because they read through the same broken
 * rule (a .json read cannot be schema-checked as JSON when .json is ignored). Any other failure is
 * a false alarm and fails the self-test.
 */
export interface FaultExpectation {
  caughtBy: string[];
  collateral?: string[];
  /**
   * A --grep narrowing the run to a part of the suite that shows the fault caught, for a fault no
   * other check can meet; each failing auth row costs a worker restart, so this keeps the matrix
   * fast. The auth faults act only on requests without the run's valid token and on logins, and
   * every other check sends that token (the run's own login accepts any 2xx); that each breaks
   * nothing else is shown by tests/unit/reference/auth-faults.ts.
   */
  scope?: string;
  /** A fault of the rate limit: only the rate-limit project runs, against a small limit and window. */
  rateLimit?: true;
  /**
   * A universal fault: it breaks its rule on every operation, so every module with a check of a
   * `caughtBy` rule must show one failing (issue 13: each fault caught across the modules).
   */
  everyModule?: true;
}

// The write round trip reads each record back as JSON, by the records' reads (a setting's restore too).
const writeRoundTrip = [
  "write.read-back",
  "write.listed",
  "write.reflects-update",
  "write.gone-after-delete",
  "write.refused-writes-nothing",
  "write.restored",
];
const readsThroughJson = [
  "schema.json",
  "parity.xml-matches-json",
  "not-found.error-envelope",
  "request-body.json",
  "request-body.form",
  ...writeRoundTrip,
];
const readsThroughXml = ["schema.xml", "parity.xml-matches-json", "not-found.error-envelope"];
// A write's status in each of its formats (helpers/checks/status.ts).
const writeStatus = ["status.success", "status.success-xml", "status.success-default"];
// A write's format checks judge its own requests (helpers/checks/format.ts): one that did not succeed fails them.
const writeFormats = ["format.json-suffix", "format.xml-suffix", "format.default-is-xml"];
// The login checks read the token in each format and validate it against its schema.
const readsLogins = ["login.json-body", "login.form-body"];

export const FAULT_EXPECTATIONS: Record<string, FaultExpectation> = {
  "json-by-default": {
    everyModule: true,
    caughtBy: ["format.default-is-xml"],
    collateral: ["not-found.error-envelope"],
  },
  "json-suffix-ignored": {
    everyModule: true,
    caughtBy: ["format.json-suffix"],
    collateral: readsThroughJson,
  },
  "xml-suffix-ignored": { everyModule: true, caughtBy: ["format.xml-suffix"], collateral: readsThroughXml },
  "accept-ignored": { everyModule: true, caughtBy: ["format.accept-json", "format.accept-q-values"] },
  "accept-q-values-ignored": { everyModule: true, caughtBy: ["format.accept-q-values"] },
  "wrong-json-content-type": {
    everyModule: true,
    caughtBy: ["format.json-suffix", "format.accept-json"],
    collateral: [...readsThroughJson, "format.accept-q-values", ...readsLogins],
  },
  // The login's answer too: the run must still tell it from a login page (helpers/http/session.ts).
  "json-labelled-html": {
    everyModule: true,
    caughtBy: ["format.json-suffix", "format.accept-json"],
    collateral: [...readsThroughJson, "format.accept-q-values", ...readsLogins],
  },
  "malformed-xml": {
    everyModule: true,
    caughtBy: ["format.default-is-xml", "format.xml-suffix", "format.accept-xml"],
    collateral: [...readsThroughXml, ...readsLogins],
  },
  // A record made in XML (or the default format, XML too) is named by its XML answer: an altered id
  // names no record, so the XML and default-format writes on it fail along.
  "xml-json-disagree": {
    everyModule: true,
    caughtBy: ["parity.xml-matches-json"],
    collateral: [
      "status.success-xml",
      "status.success-default",
      "format.xml-suffix",
      "format.default-is-xml",
      "schema.xml",
    ],
  },
  "create-returns-200": { caughtBy: writeStatus },
  // Writes keep what they did (helpers/checks/round-trip.ts): caught in group, community and files.
  // An update or a delete of a record never stored answers 404: every check of their answer fails with it.
  // So does a record made in a parent never stored (a file in the run's folder, a task in the run's
  // project, a CRM contact's information), and with it the round trip of each write built on it, and the
  // list read under that parent (the refused create's list among them). A read of the record made for
  // it (community.wiki-file: no list shows a wiki file) answers 404, failing its Accept checks along.
  // An anonymous write on a record of the run (a visitor's password for the link of the run's file)
  // cannot be sent without its record either: its auth.anonymous check fails with the others.
  "create-not-stored": {
    caughtBy: ["write.read-back", "write.listed"],
    collateral: [
      ...writeStatus,
      ...writeFormats,
      "format.accept-json",
      "format.accept-q-values",
      "format.accept-xml",
      "schema.json",
      "schema.xml",
      "request-body.json",
      "request-body.form",
      "parity.xml-matches-json",
      "write.reflects-update",
      "write.gone-after-delete",
      "write.refused-writes-nothing",
      "auth.anonymous",
    ],
  },
  // A user is deleted only once suspended (EmployeeApi.cs:861-862); a suspension ignored, the
  // deletion is refused (500): people.delete fails its status and schema checks with it. A write
  // that answers nothing (a setting's, portal.search-settings-update) shows its request bodies read
  // by reading the setting back: an ignored update fails them too.
  "update-ignored": {
    caughtBy: ["write.reflects-update"],
    collateral: [
      ...writeStatus,
      ...writeFormats,
      "schema.json",
      "schema.xml",
      "request-body.json",
      "request-body.form",
    ],
  },
  "delete-does-nothing": { caughtBy: ["write.gone-after-delete"] },
  // The refused update carried out renames the record later writes find by its name (a CRM contact
  // type reordered by title): those answer 404, and each check of their answer fails along.
  "refused-write-kept": {
    caughtBy: ["write.refused-writes-nothing"],
    collateral: [...writeStatus, ...writeFormats, "schema.json", "schema.xml"],
  },
  // A setting keeps the first value the run wrote: it reads back changed, and cannot be set back.
  // Where two writes set members of one setting (crm's invoice settings: the terms, the company
  // name), the second's is ignored too, so it does not read back what it sent.
  "restore-ignored": {
    caughtBy: ["write.restored"],
    collateral: ["write.reflects-update", "request-body.json", "request-body.form"],
  },
  // A deleted record's read answers as for a missing one (write.gone-after-delete).
  "not-found-returns-200": {
    everyModule: true,
    caughtBy: ["not-found.status-404", "not-found.error-envelope"],
    collateral: ["write.gone-after-delete"],
  },
  "not-found-returns-500": {
    everyModule: true,
    caughtBy: ["not-found.status-404", "not-found.error-envelope"],
    collateral: ["write.gone-after-delete"],
  },
  "not-found-without-envelope": { everyModule: true, caughtBy: ["not-found.error-envelope"] },
  "files-not-found-returns-403": { caughtBy: ["not-found.status-404", "not-found.error-envelope"] },
  "person-missing-display-name": { caughtBy: ["schema.json", "schema.xml"] },
  // A record read back without the member a write set (a bookmark's url) fails the round trip too.
  // A void write's request bodies are judged on the setting read back (request-body.ts): a member
  // the read leaves out or nulls fails them along.
  "record-missing-required-member": {
    caughtBy: ["schema.json", "schema.xml"],
    collateral: [...writeRoundTrip, "request-body.json", "request-body.form"],
  },
  "record-null-where-forbidden": {
    caughtBy: ["schema.json", "schema.xml"],
    collateral: [...writeRoundTrip, "request-body.json", "request-body.form"],
  },
  "envelope-status-as-string": {
    everyModule: true,
    caughtBy: ["schema.json", "schema.xml"],
    collateral: readsLogins,
  },
  // A write's XML and default-format requests send their body as a form (a JSON one would make 12.x
  // answer JSON): the checks of those fail along.
  "form-body-ignored": {
    caughtBy: ["request-body.form"],
    collateral: [
      "schema.xml",
      "status.success-xml",
      "status.success-default",
      "format.xml-suffix",
      "format.default-is-xml",
    ],
  },
  // The JSON create's record is missing, so an update acts on another the create made; the write
  // round trip and the JSON format check judge the writes sent with a JSON body, so they fail along.
  // The record a write acts on, where no create of the test made it, is made by its create's JSON
  // request (operations.ts createRecord): refused, every format's request on it fails along, an
  // anonymous one on it (a visitor's password for the run's link) too.
  "json-body-ignored": {
    caughtBy: ["request-body.json"],
    collateral: [
      ...writeStatus,
      ...writeFormats,
      "schema.json",
      "schema.xml",
      "request-body.form",
      ...writeRoundTrip,
      "auth.anonymous",
    ],
  },
  // A 204 has no body: the format checks of a delete find none.
  "delete-returns-204": { caughtBy: writeStatus, collateral: ["schema.json", "schema.xml", ...writeFormats] },
  "auth-not-enforced": { caughtBy: ["auth.no-header"], scope: "@people.*@auth" },
  "any-token-accepted": {
    caughtBy: ["auth.malformed-header", "auth.unknown-token", "auth.altered-token", "auth.unknown-scheme"],
    scope: "@portal.*@auth",
  },
  "missing-credentials-403": { everyModule: true, caughtBy: ["auth.no-header"], scope: "@auth" },
  "login-returns-200": { caughtBy: ["login.json-body", "login.form-body"], scope: "@authentication.*@login" },
  "token-expires-in-past": {
    caughtBy: ["login.json-body", "login.form-body"],
    scope: "@authentication.*@login",
  },
  "no-rate-limit": { caughtBy: ["rate-limit.limit-then-503"], rateLimit: true },
  "rate-limit-429": { caughtBy: ["rate-limit.limit-then-503"], rateLimit: true },
  "no-retry-after": { caughtBy: ["rate-limit.retry-after"], rateLimit: true },
  "throttles-early": { caughtBy: ["rate-limit.limit-then-503"], rateLimit: true },
  "block-outlasts-retry-after": { caughtBy: ["rate-limit.recovery"], rateLimit: true },
  "rate-limit-keyed-on-ip": { caughtBy: ["rate-limit.keyed-per-account"], rateLimit: true },
};

/**
 * The run failed; every check named for the fault's rule failed; nothing else failed but its
 * allowed collateral. Returns the checks that caught it.
 */
export function assertCaughtOnly(fault: string, run: SuiteRun): SuiteRun["failed"] {
  const expectation = FAULT_EXPECTATIONS[fault];
  assert.notEqual(run.exitCode, 0, `the suite passed with fault ${fault} on\n${run.stdout}${run.stderr}`);
  assert.ok(run.checks.length > 0, `no check results:\n${run.stdout}${run.stderr}`);
  const failedRules = new Set(run.failed.map((c) => ruleOf(c.id)));
  for (const rule of expectation.caughtBy) {
    assert.ok(
      failedRules.has(rule),
      `${fault} was not caught by ${rule}; failed: ${[...failedRules].join(", ") || "none"}`,
    );
  }
  const allowed = new Set([...expectation.caughtBy, ...(expectation.collateral ?? [])]);
  assert.deepEqual(
    run.failed.filter((c) => !allowed.has(ruleOf(c.id))).map((c) => `${c.id}: ${c.why}`),
    [],
    `${fault} made unrelated checks fail`,
  );
  if (expectation.everyModule) {
    for (const rule of expectation.caughtBy) {
      const sections = (checks: SuiteRun["checks"]) =>
        [...new Set(checks.filter((c) => ruleOf(c.id) === rule).map((c) => c.section))].sort();
      assert.deepEqual(
        sections(run.failed),
        sections(run.checks),
        `${fault}: modules where ${rule} caught it`,
      );
    }
  }
  return run.failed.filter((c) => expectation.caughtBy.includes(ruleOf(c.id)));
}
