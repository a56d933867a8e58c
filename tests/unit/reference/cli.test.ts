import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { parseCli, USAGE, UsageError } from "../../../reference/cli-args";

test("--help documents every option the CLI takes, the rate limit's included", () => {
  const documented = [...USAGE.matchAll(/^ {2}(--[\w-]+)/gm)].map(([, flag]) => flag);
  assert.deepEqual(documented.sort(), [
    "--fault",
    "--help",
    "--host",
    "--list",
    "--port",
    "--prefix",
    "--profile",
    "--rate-limit",
    "--rate-window",
    "--variant",
  ]);
  assert.deepEqual(parseCli(["--rate-limit", "30", "--rate-window", "2"], {}).options.rateLimit, {
    limit: 30,
    windowSeconds: 2,
  });
  assert.equal(parseCli(["--help"], {}).help, true);
  assert.throws(
    () => parseCli(["--bogus"], {}),
    (error) => error instanceof UsageError && /--help/.test(error.message),
  );
});

test("npm run reference -- --help and --list print the options", () => {
  const main = join(__dirname, "..", "..", "..", "reference", "main.ts");
  for (const flag of ["--help", "--list"]) {
    const out = execFileSync(process.execPath, ["--import", "tsx", main, flag], { encoding: "utf8" });
    assert.ok(out.startsWith(USAGE), flag);
  }
});
