import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { CheckResult } from "../../helpers/checks/check";
import { failsTheRun } from "../../helpers/checks/check";
import { applyProfile } from "../../helpers/checks/outcome";
import type { ReportedCheck } from "../../helpers/reporters/evidence";
import { ConfigError } from "../../helpers/run/config";
import { deviationFor, loadProfile, type Profile } from "../../helpers/run/profile";
import { planUpdate } from "../../scripts/update-expectations";

const profile: Profile = {
  name: "example",
  file: "profiles/example.yaml",
  deviations: [
    { checks: "*/format.default-is-xml", reason: "JSON by default", source: "facts §3" },
    { checks: "files.folder*/not-found.status-404", reason: "403", source: "facts §2" },
  ],
};

function result(id: string, outcome: CheckResult["outcome"]): CheckResult {
  const [operation, check] = id.split("/");
  return {
    id,
    section: operation.split(".")[0],
    operation: operation.split(".")[1],
    family: check.split(".")[0] as CheckResult["family"],
    check: check.split(".")[1],
    rule: "a rule",
    outcome,
    expected: "x",
    given: "y",
    why: "it failed",
    exchanges: [],
  };
}

test("patterns match whole check ids, * standing for any text and . for a dot", () => {
  assert.equal(deviationFor(profile, "people.get-self/format.default-is-xml")?.reason, "JSON by default");
  assert.equal(deviationFor(profile, "files.folder-contents/not-found.status-404")?.reason, "403");
  assert.equal(deviationFor(profile, "people.get-self/format.default-is-xml-2"), undefined);
  assert.equal(deviationFor(profile, "files.folderXcontents/not-found.status-404")?.reason, "403");
  assert.equal(deviationFor(profile, "group.get-by-id/not-found.status-404"), undefined);
});

test("a listed failure is a known deviation, a listed pass is fixed, anything unlisted is unchanged", () => {
  const deviated = applyProfile(result("people.get-self/format.default-is-xml", "failed"), profile);
  assert.equal(deviated.outcome, "deviated");
  assert.equal(deviated.deviation?.source, "facts §3");
  assert.equal(failsTheRun(deviated), false);
  const fixed = applyProfile(result("people.get-self/format.default-is-xml", "passed"), profile);
  assert.equal(fixed.outcome, "fixed");
  assert.match(fixed.why, /remove "\*\/format.default-is-xml" from profiles\/example.yaml/);
  assert.equal(failsTheRun(fixed), true);
  assert.equal(failsTheRun(fixed, false), false);
  const unlisted = applyProfile(result("people.get-self/schema.json", "failed"), profile);
  assert.equal(unlisted.outcome, "failed");
  assert.equal(failsTheRun(unlisted), true);
  assert.equal(
    applyProfile(result("people.get-self/format.default-is-xml", "skipped"), profile).outcome,
    "skipped",
  );
});

test("profile files are validated: unknown names list the known ones, mistakes name file, line and place", () => {
  const dir = mkdtempSync(join(tmpdir(), "profiles-"));
  writeFileSync(
    join(dir, "ok.yaml"),
    "profile: ok\ndeviations:\n  - checks: a/b.c\n    reason: r\n    source: s\n",
  );
  writeFileSync(join(dir, "bad.yaml"), "profile: bad\ndeviations:\n  - checks: a/b.c\n    reason: r\n");
  writeFileSync(join(dir, "other.yaml"), "profile: not-other\ndeviations: []\n");
  assert.equal(loadProfile("ok", dir).deviations.length, 1);
  assert.equal(loadProfile("documented", dir).deviations.length, 0);
  assert.throws(
    () => loadProfile("nope", dir),
    (e: Error) => e instanceof ConfigError && /Known profiles: documented, bad, ok, other/.test(e.message),
  );
  assert.throws(() => loadProfile("bad", dir), /bad\.yaml:3:\d+ deviations\.0\.source: is missing/);
  assert.throws(() => loadProfile("other", dir), /other\.yaml:1:\d+ profile: "not-other" must match/);
});

test("update-expectations keeps entries that still fail, drops those that pass, adds new failures", () => {
  const reported = (id: string, outcome: CheckResult["outcome"]): ReportedCheck =>
    ({ ...result(id, outcome), requests: 1, test: "t" }) as unknown as ReportedCheck;
  const plan = planUpdate(
    profile.deviations,
    [
      reported("people.get-self/format.default-is-xml", "deviated"),
      reported("files.folder/not-found.status-404", "fixed"),
      reported("people.get-self/schema.json", "failed"),
      reported("people.get-self/status.success", "passed"),
    ],
    "observed today",
  );
  assert.deepEqual(
    plan.kept.map((d) => d.checks),
    ["*/format.default-is-xml"],
  );
  assert.deepEqual(
    plan.dropped.map((d) => d.checks),
    ["files.folder*/not-found.status-404"],
  );
  assert.deepEqual(plan.added, [
    { checks: "people.get-self/schema.json", reason: "it failed", source: "observed today" },
  ]);
});
