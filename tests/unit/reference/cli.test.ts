import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { parseCli, USAGE, UsageError } from "../../../reference/cli-args";

test("--help documents every option the CLI takes, the rate limit's included", () => {
  const documented = [...USAGE.matchAll(/^ {2}(--[\w-]+)/gm)].map(([, flag]) => flag);
  assert.deepEqual(documented.sort(), [
    "--empty",
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

test("--empty and REFERENCE_EMPTY: a fresh portal, the CRM opened (the default) or never opened; another kind is a usage error", () => {
  const empty = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseCli(argv, env).options.empty;
  assert.equal(empty([]), undefined);
  assert.equal(empty(["--empty"]), "crm-opened");
  assert.equal(empty(["--empty", "--port", "9000"]), "crm-opened");
  assert.equal(empty(["--empty=crm-never-opened"]), "crm-never-opened");
  assert.equal(empty([], { REFERENCE_EMPTY: "true" }), "crm-opened");
  assert.equal(empty([], { REFERENCE_EMPTY: "false" }), undefined);
  assert.equal(empty(["--empty=crm-opened"], { REFERENCE_EMPTY: "crm-never-opened" }), "crm-opened");
  for (const [argv, env] of [
    [["--empty=crm"], {}],
    [[], { REFERENCE_EMPTY: "yes" }],
  ] as const)
    assert.throws(
      () => parseCli([...argv], env),
      (error) =>
        error instanceof UsageError &&
        /unknown empty portal .*crm-opened, crm-never-opened/.test(error.message),
    );
});

test("npm run reference -- --help and --list print the options", () => {
  const main = join(__dirname, "..", "..", "..", "reference", "main.ts");
  for (const flag of ["--help", "--list"]) {
    const out = execFileSync(process.execPath, ["--import", "tsx", main, flag], { encoding: "utf8" });
    assert.ok(out.startsWith(USAGE), flag);
  }
});
