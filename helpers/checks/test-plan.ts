import type { Operation, Section } from "../contract/contract";
import { authPlan } from "./auth";
import type { Check } from "./check";
import { ALL_CHECKS } from "./index";
import { LOGIN_OPERATION, loginChecks } from "./login";

/** One operation's checks, run in order by one test (an auth row's control first). */
export interface PlanRow {
  op: Operation;
  checks: Check[];
}

/** One Playwright test: a run of operations, each with its checks. */
export interface PlannedTest {
  title: string;
  /** The sections of its operations, then its families: `--grep "@people.*@schema"` reads that way. */
  tags: string[];
  rows: PlanRow[];
  /** The sections whose module check it records first: it holds their first operation. */
  modules: string[];
  checks: number;
}

/**
 * How the checks are cut into Playwright tests. An operation's checks run together, one after
 * another, so the reads they need in common are sent once (helpers/checks/shared-reads.ts). A failed
 * test restarts its worker (~0.5 s, and its first test runs ~0.5 s slower, cold), and a rule broken
 * everywhere fails every test, so a run has few tests: TESTS_PER_SHARD (two turns of two workers
 * against a WORKSPACE_URL deployment; the one worker of a run against the embedded reference takes
 * them in turn), in runs of about the same number of checks, whatever the contract's size (measured at
 * 3,928 checks, npm run bench: a rule broken everywhere cost 1.46x a green run with eight tests,
 * 1.34x with six, 1.22x with four). Playwright cuts `--shard i/n` by test count, so a sharded run has that many tests
 * per shard, and every shard gets the same number of checks (tests/unit/sharding.test.ts).
 */
const TESTS_PER_SHARD = 4;
/** Below this, a test's fixed cost (fixtures, a restart after a failure) outweighs its checks. */
const MIN_CHECKS_PER_TEST = 8;

const weight = (rows: PlanRow[]) => rows.reduce((sum, row) => sum + row.checks.length, 0);

/** Where a write that acts on a create's records goes after it: deletes last, the others before them. */
const rank = (op: Operation) => (op.method === "DELETE" ? 2 : 1);

/**
 * The rows in their order, each write that acts on a create's records (`created:`: an update, a
 * delete, a create under it; helpers/checks/round-trip.ts) moved after that create, deletes last: a
 * create and the writes on its records run in one test, so the delete's checks remove the create's
 * records. A write declared before its create stays where it is, with records of its own.
 */
export function units(rows: PlanRow[]): PlanRow[][] {
  const unitOf = new Map<string, PlanRow[]>();
  const all: PlanRow[][] = [];
  for (const row of rows) {
    const creators = Object.values(row.op.params).flatMap((p) => ("created" in p ? [p.created] : []));
    const unit =
      row.op.method !== "GET" && creators.map((id) => unitOf.get(`${row.op.section}.${id}`)).find(Boolean);
    if (!unit) {
      const own = [row];
      all.push(own);
      unitOf.set(row.op.key, own);
      continue;
    }
    const at = unit.findIndex((other, i) => i > 0 && rank(other.op) > rank(row.op));
    unit.splice(at < 0 ? unit.length : at, 0, row);
    unitOf.set(row.op.key, unit);
  }
  return all;
}

/**
 * Cuts units of rows, in their order and never a unit apart, into `n` runs of about equal weight:
 * a unit goes to the run its middle falls in. Deterministic; empty runs are dropped.
 */
export function cut(rows: PlanRow[][], n: number): PlanRow[][] {
  const total = rows.reduce((sum, unit) => sum + weight(unit), 0);
  const runs: PlanRow[][] = Array.from({ length: n }, () => []);
  let before = 0;
  for (const unit of rows) {
    const middle = before + weight(unit) / 2;
    runs[Math.min(n - 1, Math.floor((middle * n) / total))].push(...unit);
    before += weight(unit);
  }
  return runs.filter((run) => run.length > 0);
}

function planRuns(rows: PlanRow[], perTest: number): Omit<PlannedTest, "modules">[] {
  const runs = cut(units(rows), Math.max(1, Math.round(weight(rows) / perTest)));
  return runs.map((run, index) => {
    const span = run.length > 1 ? `${run[0].op.key} … ${run[run.length - 1].op.key}` : run[0].op.key;
    const sections = [...new Set(run.map(({ op }) => `@${op.section}`))];
    const families = [...new Set(run.flatMap(({ checks }) => checks.map((check) => `@${check.family}`)))];
    return {
      title: `checks ${index + 1}/${runs.length} (${span})`,
      tags: [...sections, ...families],
      rows: run,
      checks: weight(run),
    };
  });
}

/**
 * The contract's checks as Playwright tests: the login, then each operation with every check of
 * ALL_CHECKS that applies and its auth rows (after them: its control is the status check's request).
 * A section's module check goes with its first operation. No test is light: Playwright cuts shards by
 * test count, and a light test would leave its shard short of a heavy one.
 */
export function testPlan(
  sections: Section[],
  authMatrix: "representative" | "full",
  shards = 1,
): PlannedTest[] {
  const auth = new Map(authPlan(sections, authMatrix).map(({ op, checks }) => [op.key, checks]));
  const rows = sections
    .flatMap((section) => section.operations)
    .map((op) => ({
      op,
      checks: [...ALL_CHECKS.filter((check) => check.appliesTo(op)), ...(auth.get(op.key) ?? [])],
    }))
    .filter((row) => row.checks.length > 0);
  rows.unshift({ op: LOGIN_OPERATION, checks: loginChecks });
  const perTest = Math.max(MIN_CHECKS_PER_TEST, Math.ceil(weight(rows) / (TESTS_PER_SHARD * shards)));
  const placed = new Set<string>();
  return planRuns(rows, perTest).map((planned) => {
    const modules = [...new Set(planned.rows.map(({ op }) => op.section))].filter(
      (name) => sections.some((section) => section.name === name) && !placed.has(name),
    );
    for (const name of modules) placed.add(name);
    if (!modules.length) return { ...planned, modules };
    return {
      ...planned,
      modules,
      tags: [...planned.tags, "@module"],
      checks: planned.checks + modules.length,
    };
  });
}
