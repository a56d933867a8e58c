import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { type BadServerMode, startBadServer } from "../support/bad-server";
import { ROOT, runSuite, type SuiteOptions } from "../support/run-suite";
import { filesUnder } from "../support/secret-scan";

/** A normal run peaks at ~630 MB; a hostile deployment may not push it past this (issue 16). */
const MEMORY_CEILING = 1024 ** 3;

async function runAgainst(
  mode: BadServerMode,
  options: Omit<SuiteOptions, "env"> & { env?: Record<string, string> },
) {
  const server = await startBadServer(mode);
  try {
    return await runSuite({
      ...options,
      env: {
        WORKSPACE_URL: server.url,
        WORKSPACE_USER: "conformance",
        WORKSPACE_PASSWORD: "pw",
        ...options.env,
      },
    });
  } finally {
    await server.close();
  }
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;

function reportsSize(name: string): number {
  return filesUnder(join(ROOT, "reports", "self-test", name)).reduce(
    (sum, file) => sum + statSync(file).size,
    0,
  );
}

describe("a deployment that answers too much, or too slowly: memory and time stay bounded", () => {
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

  test("a byte a second: three timeouts in a row stop the run with exit 2, one message, every check accounted for", async () => {
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
    assert.ok(run.ms < 60_000, `took ${run.ms} ms`);
  });
});
