import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { A_FEW_READS, ROOT, runSuite, type SuiteRun } from "../support/run-suite";

const outcomes = (run: SuiteRun) => run.checks.map((c) => `${c.id} ${c.outcome}`).sort();

/** docs/ci.md "Sharding": three shards' blob reports, merged on one machine, as the CI example does. */
test("a run sharded in three merges into every report, with every check of the unsharded run", async () => {
  // Each module's first three reads: still four tests a shard (helpers/checks/test-plan.ts), at a
  // sixth of the checks. The four runs are asked for at once; runSuite lets one a core go.
  const shards = [1, 2, 3];
  const [whole, ...shardRuns] = await Promise.all([
    runSuite({ name: "merge/whole", env: A_FEW_READS }),
    // Only the per-check reporter and the blob: the merge is what is under test, with every reporter.
    ...shards.map((shard) =>
      runSuite({ name: `merge/shard-${shard}`, env: A_FEW_READS, args: ["--shard", `${shard}/3`] }),
    ),
  ]);
  assert.equal(whole.exitCode, 0, whole.stdout + whole.stderr);

  const blobs = join(ROOT, "reports", "self-test", "merge", "all-blobs");
  rmSync(blobs, { recursive: true, force: true });
  mkdirSync(blobs, { recursive: true });
  for (const [index, run] of shardRuns.entries()) {
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    const file = `report-${shards[index]}.zip`;
    copyFileSync(
      join(ROOT, "reports", "self-test", `merge/shard-${shards[index]}`, "blob", file),
      join(blobs, file),
    );
  }

  const name = "merge/merged";
  const merged = await runSuite({ name, mergeBlobsIn: blobs, fullReports: true, env: A_FEW_READS });
  const output = merged.stdout + merged.stderr;
  assert.equal(merged.exitCode, 0, output);
  assert.doesNotMatch(output, /TypeError|\n\s+at /, "no reporter crashed");
  assert.ok(whole.checks.length > 200, `${whole.checks.length} checks`);
  assert.deepEqual(outcomes(merged), outcomes(whole));

  const dir = join(ROOT, "reports", "self-test", name);
  const junit = readFileSync(join(dir, "junit.xml"), "utf8");
  assert.equal(junit.match(/<testcase /g)?.length, whole.checks.length);
  assert.match(junit, /<property name="Server version" value="communityServer /);
  assert.match(readFileSync(join(dir, "summary.md"), "utf8"), /CONFORMS/);
  assert.ok(readFileSync(join(dir, "html", "index.html")).length > 0);
  const allure = readdirSync(join(dir, "allure-results"));
  assert.ok(
    allure.filter((f) => f.endsWith("-result.json")).length >= whole.checks.length,
    "one result per check",
  );
  assert.match(readFileSync(join(dir, "allure-results", "environment.properties"), "utf8"), /^Target=http/m);
  assert.match(
    JSON.parse(readFileSync(join(dir, "checks.json"), "utf8")).deployment.serverVersion,
    /^communityServer /,
  );
});
