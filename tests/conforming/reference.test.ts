import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { REFERENCE_ADMIN, REFERENCE_USER, startReference, VARIANTS } from "../../reference";
import { leftoversOn, writesReceived } from "../support/leftovers-on";
import { rateLimitEnv, runSuite, SELF_TEST_RATE_LIMIT, type SuiteRun } from "../support/run-suite";

function assertGreen(run: SuiteRun): void {
  const failures = run.failed.map((c) => `${c.id}: ${c.why}`).join("\n");
  assert.equal(
    run.exitCode,
    0,
    `exit ${run.exitCode}\n${failures}\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`,
  );
  assert.deepEqual(failures, "");
}

// The tests start together; their runs take turns, one a core (runSuite's queue), so one's waits
// (a timeout, a paced window) overlap another's work.
describe("the suite against a conforming deployment", { concurrency: true }, () => {
  test("the embedded reference passes every check of the whole contract", async (t) => {
    const run = await runSuite({ name: "conforming/reference" });
    assertGreen(run);
    assert.ok(run.checks.length >= 3000, `only ${run.checks.length} checks ran`);
    assert.equal(run.checks.filter((c) => c.outcome === "skipped").length, 0);
    assert.match(run.stdout, /Conformance: \d+ checks, \d+ passed, 0 failed/);
    assert.match(
      run.stdout,
      /Coverage: \d+ of 862 documented operations exercised \((2[5-9]\d|3\d\d) of 341 GET\)/,
    );
    t.diagnostic(`${run.checks.length} checks, ${run.requests} requests, ${run.ms} ms`);
  });

  const RATE_LIMIT_CHECKS_PASSED = [
    "error-envelope",
    "keyed-per-account",
    "limit-then-503",
    "recovery",
    "retry-after",
  ].map((c) => `${c}: passed`);
  const rateLimitChecks = (run: SuiteRun) =>
    run.checks.filter((c) => c.family === "rate-limit").map((c) => `${c.check}: ${c.outcome}`);

  test("a WORKSPACE_URL deployment with a much lower limit (120 per 2 s, enforced): one lane, paced under it; no 503 but the rate-limit checks' own, after a drained window, which pass", async (t) => {
    // headroom: the burst (~145 requests, after the rest) takes 70 ms on a quiet 2-core machine
    // (checks.json: burstMs), so the 2 s window is over 25x; 0.55 s under load 17.
    const reference = await startReference({ rateLimit: { limit: 120, windowSeconds: 2 } });
    try {
      // Each module's first three reads: the whole contract would take minutes at this pace.
      const run = await runSuite({
        name: "conforming/rate-limited",
        env: {
          ...rateLimitEnv(120, 2),
          WC_GETS_PER_MODULE: "3",
          WORKSPACE_URL: reference.url,
          WORKSPACE_USER: REFERENCE_ADMIN.user,
          WORKSPACE_PASSWORD: REFERENCE_ADMIN.password,
          WORKSPACE_SECOND_USER: REFERENCE_USER.user,
          WORKSPACE_SECOND_PASSWORD: REFERENCE_USER.password,
        },
      });
      assertGreen(run);
      const accounting = run.accounting;
      assert.ok(accounting, "checks.json has the request accounting");
      assert.equal(accounting.lanes, 1, "any WORKSPACE_URL gets one lane");
      assert.equal(accounting.throttled, 0, "a budgeted request met a 503");
      assert.ok(
        accounting.peak <= accounting.budget,
        `peak ${accounting.peak} over the budget of ${accounting.budget}`,
      );
      const budgeted = accounting.total - accounting.rateLimitChecks;
      assert.ok(
        budgeted > 2 * accounting.budget,
        `${budgeted} requests: the budget must bind for this to prove pacing`,
      );
      assert.deepEqual(rateLimitChecks(run), RATE_LIMIT_CHECKS_PASSED);
      t.diagnostic(
        `${budgeted} budgeted requests, peak ${accounting.peak} of ${accounting.budget} per 2 s, ${run.ms} ms`,
      );
    } finally {
      await reference.close();
    }
  });

  test("the embedded reference with a much lower limit (120 per 4 s, enforced): lanes, each under it; the rate-limit checks run alongside, with nothing sent just before from their address, and pass", async (t) => {
    const run = await runSuite({
      name: "conforming/rate-limited-lanes",
      // The burst (~145 requests) must land in one window while both workers run beside it. headroom:
      // 165 ms on a quiet 2-core machine (checks.json: burstMs), so 4 s is over 20x; 1.3 s under load 30.
      env: { ...rateLimitEnv(120, 4), WC_GETS_PER_MODULE: "3" },
    });
    assertGreen(run);
    const accounting = run.accounting;
    assert.ok(accounting, "checks.json has the request accounting");
    assert.ok(accounting.lanes > 1, `${accounting.lanes} lane(s) on the embedded reference`);
    assert.equal(accounting.throttled, 0, "a budgeted request met a 503");
    assert.ok(
      accounting.peak <= accounting.budget,
      `the busiest lane's peak ${accounting.peak} is over the budget of ${accounting.budget}`,
    );
    assert.deepEqual(rateLimitChecks(run), RATE_LIMIT_CHECKS_PASSED);
    const limit = run.checks.find((c) => c.check === "limit-then-503");
    assert.match(limit?.why ?? "", /\(\+0 sent just before\)/, "no window to drain");
    t.diagnostic(
      `${accounting.total - accounting.rateLimitChecks} budgeted requests over ${accounting.lanes} lanes, busiest lane's peak ${accounting.peak} of ${accounting.budget} per 4 s, ${run.ms} ms`,
    );
  });

  test("legitimate variation is no failure: charset case, XML declaration, indentation, key order, extra fields, \\/ escapes, text/xml, sparse records", async () => {
    assertGreen(await runSuite({ name: "conforming/variants", variants: Object.keys(VARIANTS) }));
  });

  // Alone as well: with extra-fields on, no object is ever empty, so an XML record whose members are
  // all empty lists (`<response/>`) is only seen here.
  test("sparse records are no failure: optional members absent, nullable ones null, empty lists, zero counts, in both formats; every read still finds its record", async () => {
    const run = await runSuite({ name: "conforming/sparse", variants: ["sparse"] });
    assertGreen(run);
    assert.equal(run.checks.filter((c) => c.outcome === "skipped").length, 0);
  });

  test("a deployment given by WORKSPACE_URL (with a path prefix) is read-only by default, and fully checked with writes allowed", async () => {
    // Two runs back to back send more than one run's budget inside one window of the documented limit.
    const reference = await startReference({
      pathPrefix: "/portal",
      rateLimit: { limit: SELF_TEST_RATE_LIMIT, windowSeconds: 10 },
    });
    try {
      const env = {
        WORKSPACE_URL: reference.url.replace(/\/$/, ""),
        WORKSPACE_USER: REFERENCE_ADMIN.user,
        WORKSPACE_PASSWORD: REFERENCE_ADMIN.password,
      };
      const readOnly = await runSuite({ name: "conforming/remote-read-only", env });
      assertGreen(readOnly);
      assert.deepEqual(writesReceived(reference), [], "no write reaches a deployment without the flag");
      const skipped = readOnly.checks.filter((c) => c.outcome === "skipped");
      assert.ok(skipped.length > 0, "write checks should be skipped without WORKSPACE_ALLOW_WRITES");
      assert.ok(skipped.every((c) => /WORKSPACE_ALLOW_WRITES/.test(c.why)));
      const withWrites = await runSuite({
        name: "conforming/remote-writes",
        env: { ...env, WORKSPACE_ALLOW_WRITES: "true" },
      });
      assertGreen(withWrites);
      assert.ok(writesReceived(reference).length > 0, "the writes were counted: the count above can fail");
      assert.deepEqual(await leftoversOn(reference), [], "a run with writes leaves nothing behind");
      assert.deepEqual(reference.dataChanges(), [], "nor anything changed in the records served from data");
      // Only GETs with effects that nothing can undo stay unsent: their effect would remain; and the
      // settings that could lock people out, which take a second opt-in (tests/safety/safety.test.ts).
      const unsent = withWrites.checks.filter((c) => c.outcome === "skipped");
      assert.ok(unsent.length > 0);
      assert.deepEqual(
        unsent
          .filter((c) => !/has side effects .*the contract has no undo for it/.test(c.why))
          .filter((c) => !/WORKSPACE_ALLOW_SETTINGS_WRITES=true as well/.test(c.why))
          .map((c) => c.id),
        [],
      );
    } finally {
      await reference.close();
    }
  });
});
