import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { REFERENCE_ADMIN, startReference, VARIANTS } from "../../reference";
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

describe("the suite against a conforming deployment", () => {
  test("the embedded reference passes every check", async (t) => {
    // The documented limit, as `npm run conformance` runs it (the other self-tests use a higher one).
    const run = await runSuite({ name: "conforming/reference", env: { WORKSPACE_RATE_LIMIT: "500" } });
    assertGreen(run);
    assert.ok(run.checks.length >= 100, `only ${run.checks.length} checks ran`);
    assert.equal(run.checks.filter((c) => c.outcome === "skipped").length, 0);
    assert.match(run.stdout, /Conformance: \d+ checks, \d+ passed, 0 failed/);
    assert.equal(run.accounting?.throttled, 0, "no 503 at the documented 500 per 10 s");
    t.diagnostic(`${run.checks.length} checks, ${run.requests} requests, ${run.ms} ms`);
  });

  test("told a much lower limit (120 per 2 s, enforced), the suite paces itself under it: no 503 but the rate-limit checks' own, which pass", async (t) => {
    const run = await runSuite({ name: "conforming/rate-limited", env: rateLimitEnv(120, 2) });
    assertGreen(run);
    const accounting = run.accounting;
    assert.ok(accounting, "checks.json has the request accounting");
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
    const rateLimit = run.checks.filter((c) => c.family === "rate-limit");
    assert.deepEqual(
      rateLimit.map((c) => `${c.check}: ${c.outcome}`),
      ["error-envelope", "keyed-per-account", "limit-then-503", "recovery", "retry-after"].map(
        (c) => `${c}: passed`,
      ),
    );
    t.diagnostic(
      `${budgeted} budgeted requests, peak ${accounting.peak} of ${accounting.budget} per 2 s, ${run.ms} ms`,
    );
  });

  test("legitimate variation is no failure: charset case, XML declaration, indentation, key order, extra fields, \\/ escapes, text/xml", async () => {
    assertGreen(await runSuite({ name: "conforming/variants", variants: Object.keys(VARIANTS) }));
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
      assert.equal(withWrites.checks.filter((c) => c.outcome === "skipped").length, 0);
    } finally {
      await reference.close();
    }
  });
});
