import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FAULTS } from "../../reference";
import { ruleOf, runSuite } from "../support/run-suite";
import { FAULT_EXPECTATIONS } from "./expectations";

/**
 * Every check proves it can fail: the suite runs against the reference with one fault at a time and
 * must fail on the checks named for the rule that fault breaks, and on nothing unrelated.
 */
describe("fault matrix", () => {
  test("every fault of the reference has an expectation here, and every expectation a fault", () => {
    assert.deepEqual(Object.keys(FAULT_EXPECTATIONS).sort(), Object.keys(FAULTS).sort());
  });

  for (const [fault, expectation] of Object.entries(FAULT_EXPECTATIONS)) {
    test(`${fault}: ${(FAULTS as Record<string, string>)[fault] ?? "(unknown fault)"}`, async (t) => {
      const run = await runSuite({ name: `faults/${fault}`, faults: [fault] });
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
