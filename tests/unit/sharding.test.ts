import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { cut, testPlan, units } from "../../helpers/checks/test-plan";
import type { Operation } from "../../helpers/contract/contract";
import { loadContracts } from "../../helpers/contract/loader";

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

test("--shard i/3: the largest shard holds at most 1.25x the mean number of checks", (t) => {
  const sections = loadContracts();
  // Playwright hands the shard to the plan (helpers/contract/selection.ts): the one --list cuts.
  const plan = testPlan(sections, "representative", 3);
  const checks = new Map(plan.map((t) => [t.title, t.checks]));
  // The rate-limit checks skip themselves in a sharded run (docs/rate-limit.md, Sharded runs).
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
    Math.max(...sizes) <= 1.25 * mean,
    `shards hold ${sizes.join(", ")} checks (mean ${mean.toFixed(0)})`,
  );
});

test("the plan keeps an operation's rows together, in order, and bounds the number of tests", () => {
  const sections = loadContracts();
  const plan = testPlan(sections, "representative");
  const tests = plan;
  assert.equal(tests.length, 4, "four tests: two turns of two workers");
  assert.equal(testPlan(sections, "representative", 3).length, 12, "four a shard");
  assert.deepEqual(
    plan.flatMap((planned) => planned.modules).sort(),
    sections.map((section) => section.name).sort(),
    "each section's module check is recorded once",
  );
  for (const planned of plan) {
    const keys = planned.rows.map((row) => row.op.key);
    assert.equal(new Set(keys).size, keys.length, `${planned.title}: an operation's rows are one row`);
    for (const { op, checks } of planned.rows) {
      const families = checks.map((check) => check.family);
      // The status check's request is the auth checks' control: sent first, shared after.
      if (families.includes("auth") && families.includes("status"))
        assert.ok(families.indexOf("status") < families.indexOf("auth"), `${op.key}: status before auth`);
    }
  }
  const titles = tests.map((t) => t.title);
  assert.equal(new Set(titles).size, titles.length, "titles are unique");
  assert.deepEqual(testPlan(sections, "representative"), plan, "deterministic");
});

test("cut: runs of about equal weight, in order, none empty", () => {
  const row = (n: number) => ({ op: { key: `s.op${n}` }, checks: Array(n).fill({}) }) as never;
  const rows = [1, 1, 6, 6, 6, 6, 1, 1, 9, 1].map(row);
  const runs = cut(
    rows.map((row) => [row]),
    4,
  );
  assert.deepEqual(runs.flat(), rows);
  const weights = runs.map((run) => run.reduce((sum, r: { checks: unknown[] }) => sum + r.checks.length, 0));
  assert.ok(Math.max(...weights) <= 14, `weights ${weights}`);
  assert.ok(runs.every((run) => run.length > 0));
});

test("units: a create and the writes on its records, in one unit, deletes last; a write before its create stays", () => {
  const onCreate = { id: { created: "create", select: "id" } };
  const row = (id: string, method: Operation["method"], params = {}) =>
    ({ op: { key: `s.${id}`, section: "s", method, params }, checks: [{}] }) as never;
  const rows = [
    row("early-delete", "DELETE", onCreate),
    row("create", "POST"),
    row("delete", "DELETE", onCreate),
    row("list", "GET"),
    row("update", "PUT", onCreate),
    row("get", "GET", onCreate),
    row("child", "POST", onCreate),
    row("child-delete", "DELETE", { id: { created: "child", select: "id" } }),
  ];
  const keys = units(rows).map((unit) => unit.map((r: { op: { key: string } }) => r.op.key.slice(2)));
  assert.deepEqual(keys, [
    ["early-delete"],
    ["create", "update", "child", "delete", "child-delete"],
    ["list"],
    ["get"],
  ]);
});

test("at breadth (250 operations in 15 modules) the plan stays a bounded number of tests of balanced size", (t) => {
  const modules = ["crm", "project", "community", "settings", "mail", "mailserver", "files", "portal"];
  const more = ["people", "calendar", "security", "migration", "group", "feed", "capabilities"];
  const sections = [...modules, ...more].map((name, m) => ({
    name,
    title: name,
    file: `specs/${name}.yaml`,
    operations: Array.from(
      { length: m < 4 ? 30 : 12 },
      (_, i): Operation => ({
        section: name,
        id: `op${i}`,
        key: `${name}.op${i}`,
        method: "GET" as const,
        path: i % 3 ? `api/2.0/${name}/op${i}/{id}` : `api/2.0/${name}/op${i}`,
        auth: "required" as const,
        creates: false,
        successStatus: 200 as const,
        schema: "people/person-full.json",
        query: {},
        params: i % 3 ? { id: { value: 1 } } : {},
        ...(i % 3 && { unknown: { id: 999 } }),
        volatile: [],
        tags: [],
        source: `specs/${name}.yaml:${i + 3}:5`,
      }),
    ),
  }));
  assert.ok(sections.flatMap((s) => s.operations).length >= 250);
  const plan = testPlan(sections, "representative", 3);
  // Playwright's cut: shards of equal test counts, the first ones taking the remainder; the rate-limit
  // test is declared skipped in a sharded run (specs/rate-limit.spec.ts), so it takes no share.
  const weights = plan.map((t) => t.checks);
  assert.ok(weights.length <= 25, `${weights.length} tests`);
  const base = Math.floor(weights.length / 3);
  const counts = [0, 1, 2].map((i) => base + (i < weights.length % 3 ? 1 : 0));
  const sizes = counts.map((n, i) => {
    const from = counts.slice(0, i).reduce((a, b) => a + b, 0);
    return weights.slice(from, from + n).reduce((a, b) => a + b, 0);
  });
  const mean = weights.reduce((a, b) => a + b, 0) / 3;
  t.diagnostic(`at breadth: ${weights.length} tests; shards would hold ${sizes.join(", ")} checks`);
  assert.ok(
    Math.max(...sizes) <= 1.5 * mean,
    `shards would hold ${sizes.join(", ")} checks (mean ${mean.toFixed(0)})`,
  );
});
