import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { loadContracts } from "../../helpers/contract-loader";
import { cut, testPlan } from "../../helpers/test-plan";

const ROOT = join(__dirname, "..", "..");

/** The titles of the tests `playwright test --list --shard i/n` gives shard i. */
function listShard(shard: string): string[] {
  const out = execFileSync(
    process.execPath,
    [
      join(ROOT, "node_modules", "@playwright", "test", "cli.js"),
      "test",
      "--list",
      "--reporter=list",
      "--shard",
      shard,
    ],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, WORKSPACE_URL: "" } },
  );
  return [...out.matchAll(/^\s+\[[\w-]+\] › [^›]+ › (.+)$/gm)].map((m) => m[1]);
}

test("--shard i/3: the largest shard holds at most 1.5x the mean number of checks", (t) => {
  const sections = loadContracts();
  const plan = testPlan(sections, "representative");
  const checks = new Map([...plan.auth, ...plan.contract].map((t) => [t.title, t.checks]));
  checks.set("module checks", sections.length);
  // The rate-limit checks skip themselves in a sharded run (README, Sharding).
  checks.set("rate-limit checks", 0);
  const shards = ["1/3", "2/3", "3/3"].map((shard) =>
    listShard(shard).map((title) => {
      const n = checks.get(title);
      assert.ok(n !== undefined, `a test the plan does not know: ${title}`);
      return n;
    }),
  );
  const sizes = shards.map((titles) => titles.reduce((a, b) => a + b, 0));
  const total = sizes.reduce((a, b) => a + b, 0);
  assert.equal(
    total,
    [...checks.values()].reduce((a, b) => a + b, 0),
    "every test is in exactly one shard",
  );
  const mean = total / 3;
  t.diagnostic(`shards hold ${sizes.join(", ")} checks`);
  assert.ok(
    Math.max(...sizes) <= 1.5 * mean,
    `shards hold ${sizes.join(", ")} checks (mean ${mean.toFixed(0)})`,
  );
});

test("the plan keeps an operation's rows together, in order, and bounds the number of tests", () => {
  const sections = loadContracts();
  const plan = testPlan(sections, "representative");
  const tests = [...plan.auth, ...plan.contract];
  assert.ok(tests.length <= 40, `${tests.length} tests`);
  for (const planned of plan.auth) {
    const keys = planned.rows.map((row) => row.op.key);
    assert.equal(new Set(keys).size, keys.length, `${planned.title}: an operation's rows are one row`);
  }
  const titles = tests.map((t) => t.title);
  assert.equal(new Set(titles).size, titles.length, "titles are unique");
  assert.deepEqual(testPlan(sections, "representative"), plan, "deterministic");
});

test("cut: runs of about equal weight, in order, none empty", () => {
  const row = (n: number) => ({ op: { key: `s.op${n}` }, checks: Array(n).fill({}) }) as never;
  const rows = [1, 1, 6, 6, 6, 6, 1, 1, 9, 1].map(row);
  const runs = cut(rows, 4);
  assert.deepEqual(runs.flat(), rows);
  const weights = runs.map((run) => run.reduce((sum, r: { checks: unknown[] }) => sum + r.checks.length, 0));
  assert.ok(Math.max(...weights) <= 14, `weights ${weights}`);
  assert.ok(runs.every((run) => run.length > 0));
});
