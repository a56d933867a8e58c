import { moduleCheck } from "../helpers/checks/module";
import { testPlan } from "../helpers/checks/test-plan";
import { contracts } from "../helpers/contract/loader";
import { selects, shardOf, tagsKeptByInvert } from "../helpers/contract/selection";
import { test } from "../helpers/fixtures";
import { loadConfig } from "../helpers/run/config";
import { moduleStatuses, requiredModules } from "../helpers/run/modules";

/*
 * The operations cut into tests of about the same number of checks (helpers/checks/test-plan.ts), one
 * step per operation and check, an operation's checks one after another so they share its reads.
 * A failed test costs a worker restart (~0.5 s), and a broken rule fails its check on every
 * operation: grouped this way it fails a few tests, not one per operation, and `--shard` gets
 * balanced shards. Each check keeps its own id, step, evidence and JUnit case. A test carries its
 * sections' and families' tags, so `--grep @people` selects it; its steps are then narrowed to the
 * checks of that section.
 */
const sections = contracts();

for (const planned of testPlan(sections, loadConfig().authMatrix, shardOf()?.total)) {
  test(
    planned.title,
    { tag: tagsKeptByInvert(planned.tags) },
    async ({ conformance, config, profile }, testInfo) => {
      const path = testInfo.titlePath.join(" ");
      const required = requiredModules(config, profile);
      for (const section of sections.filter(({ name }) => planned.modules.includes(name))) {
        const status = moduleStatuses().get(section.name);
        if (status && selects(`${path} ${status.probe} @${section.name} @module`))
          await conformance.record(moduleCheck(section, status, required.has(section.name)));
      }
      for (const { op, checks } of planned.rows)
        for (const check of checks)
          if (selects(`${path} ${op.key} @${op.section} @${check.family}`))
            await conformance.check(op, check);
    },
  );
}
