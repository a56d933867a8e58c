import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { deviationFor, loadProfile } from "../../helpers/run/profile";
import { REFERENCE_PROFILES } from "../../reference/profiles";
import { assertCaughtOnly } from "../faults/expectations";
import { A_FEW_READS, rateLimitEnv, ruleOf, runSuite, type SuiteRun } from "../support/run-suite";

/**
 * A profile turns a real deployment's known deviations into reported, non-gating results. Proven
 * against the reference imitating Workspace 12.x: with the profile the run passes and reports each
 * deviation; without it, it fails on exactly those checks; an unlisted fault still fails the run;
 * a deviation the deployment no longer has is reported as fixed, and fails the run.
 */
const PROFILE = "communityserver-12";
// What is proven is the bookkeeping of deviations, not the contract's breadth: each module's first
// three reads; where every entry of the profile must match a deviation, with the writes of each
// module's first two write groups, whose reads back (files.file) meet the files' deviations.
const imitating = { WORKSPACE_REFERENCE_PROFILE: PROFILE, ...A_FEW_READS };
const sampledContract = { ...imitating, WC_WRITES_PER_MODULE: "2" };
const withProfile = { ...imitating, WORKSPACE_PROFILE: PROFILE };
const ids = (run: SuiteRun, outcome: string) =>
  run.checks
    .filter((c) => c.outcome === outcome)
    .map((c) => c.id)
    .sort();
const output = (run: SuiteRun) => `${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`;

// The tests start together; their runs take turns, one a core (runSuite's queue), so one's waits
// (a timeout, a paced window) overlap another's work.
describe(`profile ${PROFILE} against the reference imitating it`, { concurrency: true }, () => {
  const profile = loadProfile(PROFILE);

  test("with the profile the run passes and reports every deviation; without it, it fails on exactly those", async () => {
    const [run, without] = await Promise.all([
      runSuite({ name: "profiles/with-profile", env: { ...sampledContract, WORKSPACE_PROFILE: PROFILE } }),
      runSuite({ name: "profiles/without-profile", env: sampledContract }),
    ]);
    assert.equal(run.exitCode, 0, output(run));
    const deviated = ids(run, "deviated");
    assert.ok(deviated.length > 0, "no known deviation was reported");
    // The rate-limit checks are off in these runs (they wait out windows); the last test covers them.
    for (const entry of profile.deviations.filter((d) => !d.checks.startsWith("rate-limit"))) {
      assert.ok(
        deviated.some((id) => deviationFor({ ...profile, deviations: [entry] }, id)),
        `profile entry ${entry.checks} matched no deviation`,
      );
    }
    const reported = run.checks.filter((c) => c.outcome === "deviated");
    assert.ok(reported.every((c) => c.deviation?.profile === PROFILE && c.deviation.source));
    assert.match(run.stdout, new RegExp(`${deviated.length} deviated`));
    assert.notEqual(without.exitCode, 0);
    assert.deepEqual(ids(without, "failed"), deviated);
  });

  test("an unlisted fault on top fails the run on that fault's checks only", async () => {
    const fault = "person-missing-display-name";
    const run = await runSuite({
      name: "profiles/unlisted-fault",
      env: withProfile,
      faults: [fault],
    });
    assertCaughtOnly(fault, run);
    assert.ok(ids(run, "deviated").length > 0);
  });

  test("a deviation the deployment no longer has is reported as fixed, and fails the run", async () => {
    const repaired = "accept-ignored";
    const faults = REFERENCE_PROFILES[PROFILE].faults.filter((f) => f !== repaired);
    const run = await runSuite({
      name: "profiles/fixed",
      faults: [...faults],
      env: { WORKSPACE_PROFILE: PROFILE, ...A_FEW_READS },
    });
    assert.notEqual(run.exitCode, 0, output(run));
    const fixed = ids(run, "fixed");
    assert.ok(fixed.length > 0, "nothing was reported as fixed");
    assert.ok(
      fixed.every((id) => ruleOf(id) === "format.accept-xml"),
      fixed.join(", "),
    );
    assert.deepEqual(ids(run, "failed"), []);
    assert.match(run.stdout, /fixed/);
  });

  test("no rate limiter: the rate-limit checks fail without the profile and deviate with it", async () => {
    // No limiter: the burst (48 requests) gets no 503, and only one sent within the window is a
    // failure (a slower one is inconclusive). headroom: 4 s is over 20x its quiet-machine time, and costs
    // no wait (nothing is refused, so nothing waits for Retry-After).
    const rateLimited = { ...imitating, ...rateLimitEnv(40, 4) };
    const args = ["--project", "rate-limit"];
    const [without, listed] = await Promise.all([
      runSuite({ name: "profiles/rate-limit-without", env: rateLimited, args }),
      runSuite({
        name: "profiles/rate-limit-with",
        env: { ...rateLimited, WORKSPACE_PROFILE: PROFILE },
        args,
      }),
    ]);
    assert.notEqual(without.exitCode, 0, output(without));
    assert.deepEqual(ids(without, "failed"), ["rate-limit.burst/rate-limit.limit-then-503"]);
    assert.equal(listed.exitCode, 0, output(listed));
    assert.deepEqual(ids(listed, "deviated"), ["rate-limit.burst/rate-limit.limit-then-503"]);
  });
});
