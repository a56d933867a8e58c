import { FAMILIES } from "../helpers/checks/check";
import { checksOf } from "../helpers/checks/index";
import { contracts } from "../helpers/contract";
import { test } from "../helpers/fixtures";
import { selects } from "../helpers/selection";

/*
 * One test per check family across every section, one step per operation and check. A failed test
 * costs a worker restart (~0.5 s), and a broken rule fails its family in every section: grouped this
 * way it fails one test, not one per section. Each check keeps its own id, step, evidence and JUnit
 * case. The test carries every section's tag, so `--grep @people` selects it; its steps are then
 * narrowed to the operations of that section.
 */
const sections = contracts();
for (const family of FAMILIES) {
  const work = sections.flatMap((section) =>
    section.operations.flatMap((op) =>
      checksOf(family)
        .filter((check) => check.appliesTo(op))
        .map((check) => ({ op, check })),
    ),
  );
  if (!work.length) continue;
  const sectionTags = [...new Set(work.map(({ op }) => `@${op.section}`))];
  test(`${family} checks`, { tag: [...sectionTags, `@${family}`] }, async ({ conformance }, testInfo) => {
    const path = testInfo.titlePath.join(" ");
    for (const { op, check } of work) {
      if (selects(`${path} ${op.key} @${op.section} @${family}`)) await conformance.check(op, check);
    }
  });
}
