import { testPlan } from "../helpers/checks/test-plan";
import { contracts } from "../helpers/contract/loader";
import { selects, tagsKeptByInvert } from "../helpers/contract/selection";
import { test } from "../helpers/fixtures";
import { loadConfig } from "../helpers/run/config";

/*
 * The login contract (helpers/checks/login.ts), tagged `@auth` with the per-operation auth checks
 * (which run with each operation's other checks, in specs/contract.spec.ts).
 */
const { login } = testPlan(contracts(), loadConfig().authMatrix);

test(login.title, { tag: tagsKeptByInvert([...login.tags, "@auth"]) }, async ({ conformance }, testInfo) => {
  const path = testInfo.titlePath.join(" ");
  for (const { op, checks } of login.rows)
    for (const check of checks)
      if (selects(`${path} ${op.key} @${op.section} @auth`)) await conformance.check(op, check);
});
