import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FAULTS } from "../../reference";
import { rateLimitEnv, ruleOf, runSuite, type SuiteRun } from "../support/run-suite";
import { FAULT_EXPECTATIONS } from "./expectations";

/**
 * Every check proves it can fail: the suite runs against the reference with one fault at a time and
 * must fail on the checks named for the rule that fault breaks, and on nothing unrelated.
 */
/** The rate-limit faults' runs mostly wait out windows: all start together, on the first one's turn. */
let rateLimitRuns: Map<string, Promise<SuiteRun>> | undefined;
function rateLimitRun(fault: string): Promise<SuiteRun> {
  rateLimitRuns ??= new Map(
    Object.entries(FAULT_EXPECTATIONS)
      .filter(([, expectation]) => expectation.rateLimit)
      .map(([name]) => [
        name,
        runSuite({
          name: `faults/${name}`,
          faults: [name],
          env: rateLimitEnv(40, 2),
          args: ["--project", "rate-limit"],
        }),
      ]),
  );
  return rateLimitRuns.get(fault) as Promise<SuiteRun>;
}

// Two runs at a time: a run spends much of its time starting processes (measured: 98 s instead of 118 s).
describe("fault matrix", { concurrency: 2 }, () => {
  test("every fault of the reference has an expectation here, and every expectation a fault", () => {
    assert.deepEqual(Object.keys(FAULT_EXPECTATIONS).sort(), Object.keys(FAULTS).sort());
  });

  for (const [fault, expectation] of Object.entries(FAULT_EXPECTATIONS)) {
    test(`${fault}: ${(FAULTS as Record<string, string>)[fault] ?? "(unknown fault)"}`, async (t) => {
      // --no-deps: a scoped run leaves out the rate-limit project (a teardown), which has no auth rows.
      const args = expectation.scope ? ["--grep", expectation.scope, "--no-deps"] : [];
      const run = expectation.rateLimit
        ? await rateLimitRun(fault)
        : await runSuite({ name: `faults/${fault}`, faults: [fault], args });
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
      const unrelated = run.failed.filter((c) => !allowed.has(ruleOf(c.id)));
      assert.deepEqual(
        unrelated.map((c) => `${c.id}: ${c.why}`),
        [],
        `${fault} made unrelated checks fail`,
      );
      const named = run.failed.filter((c) => expectation.caughtBy.includes(ruleOf(c.id)));
      t.diagnostic(`${fault} caught by ${named.length} checks, e.g. ${named[0]?.id} (${run.ms} ms)`);
    });
  }
});
