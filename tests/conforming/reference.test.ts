import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { REFERENCE_ADMIN, startReference, VARIANTS } from "../../reference";
import { runSuite, type SuiteRun } from "../support/run-suite";

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
    const run = await runSuite({ name: "conforming/reference" });
    assertGreen(run);
    assert.ok(run.checks.length >= 100, `only ${run.checks.length} checks ran`);
    assert.equal(run.checks.filter((c) => c.outcome === "skipped").length, 0);
    assert.match(run.stdout, /Conformance: \d+ checks, \d+ passed, 0 failed/);
    t.diagnostic(`${run.checks.length} checks, ${run.requests} requests, ${run.ms} ms`);
  });

  test("legitimate variation is no failure: charset case, XML declaration, indentation, key order, extra fields, \\/ escapes, text/xml", async () => {
    assertGreen(await runSuite({ name: "conforming/variants", variants: Object.keys(VARIANTS) }));
  });

  test("a deployment given by WORKSPACE_URL (with a path prefix) is read-only by default, and fully checked with writes allowed", async () => {
    const reference = await startReference({ pathPrefix: "/portal" });
    try {
      const env = {
        WORKSPACE_URL: reference.url.replace(/\/$/, ""),
        WORKSPACE_USER: REFERENCE_ADMIN.user,
        WORKSPACE_PASSWORD: REFERENCE_ADMIN.password,
      };
      const readOnly = await runSuite({ name: "conforming/remote-read-only", env });
      assertGreen(readOnly);
      const skipped = readOnly.checks.filter((c) => c.outcome === "skipped");
      assert.ok(skipped.length > 0, "write checks should be skipped without WORKSPACE_ALLOW_WRITES");
      assert.ok(skipped.every((c) => /WORKSPACE_ALLOW_WRITES/.test(c.why)));
      const withWrites = await runSuite({
        name: "conforming/remote-writes",
        env: { ...env, WORKSPACE_ALLOW_WRITES: "true" },
      });
      assertGreen(withWrites);
      assert.equal(withWrites.checks.filter((c) => c.outcome === "skipped").length, 0);
    } finally {
      await reference.close();
    }
  });
});
