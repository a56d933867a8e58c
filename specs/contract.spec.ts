import { FAMILIES } from "../helpers/checks/check";
import { checksOf } from "../helpers/checks/index";
import { contracts } from "../helpers/contract";
import { test } from "../helpers/fixtures";

/*
 * One test per section and check family, one step per operation and check. A failed test costs a
 * worker restart (~0.5 s), so checks that fail together (one broken rule, every operation) share a
 * test; each check still has its own id, step, evidence and JUnit case.
 */
for (const section of contracts()) {
  test.describe(section.title, { tag: `@${section.name}` }, () => {
    for (const family of FAMILIES) {
      const work = section.operations.flatMap((op) =>
        checksOf(family)
          .filter((check) => check.appliesTo(op))
          .map((check) => ({ op, check })),
      );
      if (!work.length) continue;
      test(`${section.name} ${family}`, { tag: `@${family}` }, async ({ conformance }) => {
        for (const { op, check } of work) await conformance.check(op, check);
      });
    }
  });
}
