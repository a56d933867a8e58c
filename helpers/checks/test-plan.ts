import type { Operation, Section } from "../contract/contract";
import { authPlan } from "./auth";
import { type Check, FAMILIES, type Family } from "./check";
import { checksOf } from "./index";
import { LOGIN_OPERATION, loginChecks } from "./login";

/** One operation's checks of one family, run in order by one test (an auth row's control first). */
export interface PlanRow {
  op: Operation;
  checks: Check[];
}

/** One Playwright test: one check family on a run of operations. */
export interface PlannedTest {
  title: string;
  family: Family;
  /** The sections of its operations, then its family: `--grep "@people.*@schema"` reads that way. */
  tags: string[];
  rows: PlanRow[];
  checks: number;
}

/**
 * How the checks are cut into Playwright tests. A failed test restarts its worker (~0.5 s), and a
 * broken rule fails its family on every operation, so a test holds many checks of one family
 * (docs/contributing.md, "How the suite is built"); one test per family would leave `--shard i/n` unbalanced
 * (Playwright cuts shards by test count). So each family is cut into runs of about the same number
 * of checks, about TESTS tests in all whatever the contract's size: at 330 operations a universal
 * break fails a handful of tests, not hundreds, and every shard gets about the same number of checks.
 * Measured at 3,900 checks (npm run bench): 15 tests made one universal break cost 1.65x a green
 * run, 8 tests 1.44x; the shards stay within 1.5x of the mean (tests/unit/sharding.test.ts).
 */
const TESTS = 8;
/** Below this, a test's fixed cost (fixtures, a restart after a failure) outweighs its checks. */
const MIN_CHECKS_PER_TEST = 8;

const weight = (rows: PlanRow[]) => rows.reduce((sum, row) => sum + row.checks.length, 0);

/**
 * Cuts rows, in their order and never an operation apart, into `n` runs of about equal weight:
 * a row goes to the run its middle falls in. Deterministic; empty runs are dropped.
 */
export function cut(rows: PlanRow[], n: number): PlanRow[][] {
  const total = weight(rows);
  const runs: PlanRow[][] = Array.from({ length: n }, () => []);
  let before = 0;
  for (const row of rows) {
    const middle = before + row.checks.length / 2;
    runs[Math.min(n - 1, Math.floor((middle * n) / total))].push(row);
    before += row.checks.length;
  }
  return runs.filter((run) => run.length > 0);
}

function planFamily(family: Family, rows: PlanRow[], perTest: number): PlannedTest[] {
  const runs = cut(rows, Math.max(1, Math.round(weight(rows) / perTest)));
  return runs.map((run, index) => {
    const span = run.length > 1 ? `${run[0].op.key} … ${run[run.length - 1].op.key}` : run[0].op.key;
    const sections = [...new Set(run.map(({ op }) => `@${op.section}`))];
    return {
      title: `${family} checks ${index + 1}/${runs.length} (${span})`,
      family,
      tags: [...sections, `@${family}`],
      rows: run,
      checks: weight(run),
    };
  });
}

/**
 * Heaviest, lightest, next heaviest, ...: `--shard` cuts the list into runs of about the same number
 * of tests, and a small family (status, parity) is one light test, so in family order the format
 * tests would fill one shard (measured: 955, 1,962 and 1,011 checks for i/3).
 */
function interleaved(tests: PlannedTest[]): PlannedTest[] {
  const byWeight = [...tests].sort((a, b) => b.checks - a.checks || a.title.localeCompare(b.title));
  return byWeight.map((_, i) =>
    i % 2 === 0 ? byWeight[i / 2] : byWeight[byWeight.length - 1 - (i - 1) / 2],
  );
}

/** The contract's checks as Playwright tests: every family of ALL_CHECKS, and the auth rows (with the login). */
export function testPlan(
  sections: Section[],
  authMatrix: "representative" | "full",
): { contract: PlannedTest[]; auth: PlannedTest[] } {
  const operations = sections.flatMap((section) => section.operations);
  const families = FAMILIES.map((family) => ({
    family,
    rows: operations
      .map((op) => ({ op, checks: checksOf(family).filter((check) => check.appliesTo(op)) }))
      .filter((row) => row.checks.length > 0),
  }));
  const authRows: PlanRow[] = [
    { op: LOGIN_OPERATION, checks: loginChecks },
    ...authPlan(sections, authMatrix),
  ];
  const total = weight(authRows) + families.reduce((sum, f) => sum + weight(f.rows), 0);
  const perTest = Math.max(MIN_CHECKS_PER_TEST, Math.ceil(total / TESTS));
  return {
    contract: interleaved(
      families.filter((f) => f.rows.length).flatMap((f) => planFamily(f.family, f.rows, perTest)),
    ),
    auth: planFamily("auth", authRows, perTest),
  };
}
