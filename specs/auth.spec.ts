import { testPlan } from "../helpers/checks/test-plan";
import { contracts } from "../helpers/contract/loader";
import { selects } from "../helpers/contract/selection";
import { test } from "../helpers/fixtures";
import { loadConfig } from "../helpers/run/config";

/*
 * Authentication: the login contract, and per operation a control and the ways a caller can fail
 * to authenticate (helpers/checks/auth.ts decides which rows). The rows are cut into tests of about
 * the same number of checks as the contract's (helpers/checks/test-plan.ts), never an operation's rows
 * apart: they run in order in one test, so its control runs first and once.
 */
for (const planned of testPlan(contracts(), loadConfig().authMatrix).auth) {
  test(planned.title, { tag: planned.tags }, async ({ conformance }, testInfo) => {
    const path = testInfo.titlePath.join(" ");
    for (const { op, checks } of planned.rows)
      for (const check of checks)
        if (selects(`${path} ${op.key} @${op.section} @auth`)) await conformance.check(op, check);
  });
}
