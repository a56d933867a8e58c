import { authPlan } from "../helpers/checks/auth";
import { LOGIN_OPERATION, loginChecks } from "../helpers/checks/login";
import { loadConfig } from "../helpers/config";
import { contracts } from "../helpers/contract";
import { test } from "../helpers/fixtures";

/*
 * Authentication: the login contract, and per operation a control and the ways a caller can fail
 * to authenticate, one test per row (helpers/checks/auth.ts decides which rows). An operation's rows
 * run in order in one worker, so its control runs first and once; a failed row still lets the next run.
 */
const rows = [
  { op: LOGIN_OPERATION, checks: loginChecks },
  ...authPlan(contracts(), loadConfig().authMatrix),
];

for (const { op, checks } of rows) {
  test.describe(op.key, { tag: ["@auth", `@${op.section}`] }, () => {
    test.describe.configure({ mode: "default" });
    for (const check of checks) {
      test(`${op.key} ${check.family}.${check.name}`, async ({ conformance }) => {
        await conformance.check(op, check);
      });
    }
  });
}
