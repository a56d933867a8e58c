import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { TIMEOUTS_TO_STOP } from "../../helpers/http/run-stop";
import { type BadServer, type BadServerMode, startBadServer } from "../support/bad-server";
import { A_FEW_READS, ROOT, runSuite, type SuiteOptions, type SuiteRun } from "../support/run-suite";
import { filesUnder } from "../support/secret-scan";

/** A normal run peaks at ~630 MB; a hostile deployment may not push it past this (issue 16). */
const MEMORY_CEILING = 1024 ** 3;

/** A run against a bad server of that mode: each module's first three reads (A_FEW_READS), unless `env` says otherwise. */
async function runAgainst(
  mode: BadServerMode,
  options: Omit<SuiteOptions, "env"> & { env?: Record<string, string> },
): Promise<SuiteRun & { server: BadServer }> {
  const server = await startBadServer(mode);
  try {
    const run = await runSuite({
      ...options,
      env: {
        ...A_FEW_READS,
        WORKSPACE_URL: server.url,
        WORKSPACE_USER: "conformance",
        WORKSPACE_PASSWORD: "pw",
        ...options.env,
      },
    });
    return { ...run, server };
  } finally {
    await server.close();
  }
}

/** Trickled reads a run may sit through: TIMEOUTS_TO_STOP in a row in each of two workers, and a few on their way. */
const TRICKLED_AT_MOST = 4 * TIMEOUTS_TO_STOP;
/**
 * A trickling server must not keep a run for minutes: without the stop, each of the hundreds of reads
 * would wait out its 1 s. headroom: 6.2 s measured (2 cores, load 7), so this is about 10x.
 */
const TRICKLING_RUN_MS = 60_000;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;

function reportsSize(name: string): number {
  return filesUnder(join(ROOT, "reports", "self-test", name)).reduce(
    (sum, file) => sum + statSync(file).size,
    0,
  );
}

// The tests start together; their runs take turns, one a core (runSuite's queue), so one's waits
// (a timeout, a paced window) overlap another's work.
describe("a deployment that answers too much, or too slowly: memory and time stay bounded", {
  concurrency: true,
}, () => {
  test("200 MB answers: each read stops at the limit, the checks say so, memory stays under 1 GB", async (t) => {
    const run = await runAgainst("enormous-bodies", {
      name: "bad-input/enormous-bodies",
      args: ["--grep", "@settings|@people.*@(schema|format)"],
    });
    const output = run.stdout + run.stderr;
    assert.equal(run.exitCode, 1, output);
    const tooLarge = run.checks.filter((c) => /too large to read: .*the connection was closed/.test(c.why));
    assert.ok(tooLarge.length >= 2, output);
    t.diagnostic(`peak RSS ${megabytes(run.peakRssBytes)}, ${run.checks.length} checks`);
    assert.ok(run.peakRssBytes < MEMORY_CEILING, `peak ${megabytes(run.peakRssBytes)}`);
  });

  test("7 MB values and 2 MB bodies: evidence keeps 64 KB of each, a 7 MB id is never sent, reports stay small", async (t) => {
    const name = "bad-input/huge-values";
    const run = await runAgainst("huge-values", {
      name,
      fullReports: true,
      // people's reads (the 7 MB id is discovered there) and settings' version/build (2 MB of XML).
      args: ["--grep", "@people|settings\\.version-build"],
    });
    const output = run.stdout + run.stderr;
    assert.equal(run.exitCode, 1, output);
    const byId = run.checks.find((c) => c.id === "people.get-by-id/status.success");
    assert.match(byId?.why ?? "", /is 7340032 characters long; no id, name or email is longer than 1024/);
    assert.ok(
      run.checks.every((c) => JSON.stringify(c).length < 200_000),
      "every check within its evidence limit",
    );
    t.diagnostic(`peak RSS ${megabytes(run.peakRssBytes)}, reports ${megabytes(reportsSize(name))}`);
    assert.ok(reportsSize(name) < 60 * 1024 ** 2, `reports of ${megabytes(reportsSize(name))}`);
    assert.ok(run.peakRssBytes < MEMORY_CEILING, `peak ${megabytes(run.peakRssBytes)}`);
  });

  test("silent once logged in: the modules' probes time out, exit 2 with one message, before any test", async () => {
    const run = await runAgainst("silent-after-login", {
      name: "bad-input/silent-after-login",
      env: { WORKSPACE_TIMEOUT_MS: "1000" },
    });
    const output = run.stdout + run.stderr;
    assert.equal(run.exitCode, 2, output);
    assert.match(
      output,
      /Cannot test http:\/\/127\.0\.0\.1:\d+\/: the deployment stopped answering: 3 requests in a row got no complete answer within 1000 ms/,
    );
    assert.doesNotMatch(output, /\n\s+at /, "no stack");
  });

  test("a byte a second: three timeouts in a row stop the run with exit 2, one message, every check accounted for", async (t) => {
    const run = await runAgainst("trickling", {
      name: "bad-input/trickling",
      env: { WORKSPACE_TIMEOUT_MS: "1000" },
    });
    const output = run.stdout + run.stderr;
    assert.equal(run.exitCode, 2, output);
    assert.match(
      output,
      /Run stopped: the deployment stopped answering: 3 requests in a row got no complete answer within 1000 ms \(WORKSPACE_TIMEOUT_MS\)\. The checks after that were not run \(skipped\); exit code 2\./,
    );
    assert.doesNotMatch(output, /\n\s+at |Test timeout/, "no stack, no test lost to Playwright's timeout");
    assert.ok(
      run.checks.some((c) => c.outcome === "skipped" && /^not sent: the deployment stopped/.test(c.why)),
    );
    // What keeps the run short, whatever the machine's load: each trickled read is one timeout
    // (1 s) sat through, and the run stops after TIMEOUTS_TO_STOP in a row in a worker (two workers,
    // and the reads a check had on their way when the stop came).
    t.diagnostic(`${run.server.trickled} trickled reads, ${run.checks.length} checks, ${run.ms} ms`);
    assert.ok(run.server.trickled >= TIMEOUTS_TO_STOP, `${run.server.trickled} trickled reads`);
    assert.ok(run.server.trickled <= TRICKLED_AT_MOST, `${run.server.trickled} trickled reads`);
    assert.ok(run.ms < TRICKLING_RUN_MS, `took ${run.ms} ms`); // headroom: 10x the quiet 6 s (TRICKLING_RUN_MS)
  });
});
