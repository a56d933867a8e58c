import { defineConfig } from "@playwright/test";
import { isMainProcess } from "./helpers/contract/hand-over";
import { contracts, shareContracts } from "./helpers/contract/loader";
import { notCheckedWrites } from "./helpers/contract/not-checked";
import { ensureValidators } from "./helpers/contract/schemas";
import { exportCliSelection } from "./helpers/contract/selection";
import { hasLanes } from "./helpers/http/lanes";
import { loadConfig } from "./helpers/run/config";
import { failFast } from "./helpers/run/fail-fast";
import { checkRequiredModules } from "./helpers/run/modules";
import { loadProfile, shareProfile } from "./helpers/run/profile";

// Configuration and contract files are checked before anything runs: a mistake ends the run with
// one message, before any request is sent. Workers (which load this file too) get the parsed
// contract, the profile and the CLI's --grep from the main process.
const config = failFast(() => {
  const loaded = loadConfig();
  if (isMainProcess()) {
    // Validators built ahead (npm ci), for this process and the workers; rebuilt here, once, if the schemas changed.
    const validators = ensureValidators();
    if (validators.startsWith("not built"))
      process.stderr.write(`Schema validators ${validators}; each worker compiles the schemas it uses.\n`);
    const profile = loadProfile(loaded.profile);
    checkRequiredModules(loaded, profile, contracts());
    notCheckedWrites();
    shareContracts(contracts());
    shareProfile(profile);
    exportCliSelection(process.argv);
  }
  return loaded;
});
const reports = config.reportsDir;
const sharded = process.argv.some((arg) => arg.startsWith("--shard")) || config.blobReport;
// A shard also writes a blob report, for `npx playwright merge-reports` (docs/ci.md).
const blob = sharded ? [["blob", { outputDir: `${reports}/blob` }] as const] : [];
// The rate-limit checks trip the deployment's limit on purpose. With lanes (the embedded reference)
// their burst goes from an address of its own (helpers/http/lanes.ts), so they run alongside the rest
// and start first (they mostly wait out Retry-After), on a worker of their own. Otherwise (a
// WORKSPACE_URL deployment) they run alone after every other test: as the teardown project of the
// rest, which Playwright runs even when those tests failed.
const lanes = hasLanes(config.url === undefined);
const rateLimit = { name: "rate-limit", testMatch: "**/rate-limit.spec.ts", fullyParallel: false };
const contract = { name: "contract", testIgnore: "**/rate-limit.spec.ts" };

export default defineConfig({
  testDir: "specs",
  testMatch: "**/*.spec.ts",
  outputDir: `${reports}/test-results`,
  globalSetup: "./specs/global-setup.ts",
  fullyParallel: true,
  // Against the embedded reference the run is CPU-bound on this machine: one worker for the checks
  // beside the reference. A second cost ~0.9 s of CPU to start (Playwright, the contract, the
  // validators) and contended with the reference for the cores: a quarter more CPU for the same wall
  // time (docs/contributing.md, "Where the time goes"). Against a deployment elsewhere the run waits
  // on the network, and two workers overlap the waits (a failed test's restart, ~0.5 s, too). One
  // more for the rate-limit checks where they run alongside (they mostly wait).
  workers: lanes ? (config.rateLimitChecks ? 2 : 1) : 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 120_000,
  projects: lanes ? [rateLimit, contract] : [{ ...contract, teardown: "rate-limit" }, rateLimit],
  // WC_MINIMAL_REPORTS: the suite's own tests run it many times and read only the per-check results.
  reporter: process.env.WC_MINIMAL_REPORTS
    ? [["./helpers/reporters/conformance-reporter.ts", { outputDir: reports }], ...blob]
    : [
        [process.env.CI ? "dot" : "list"],
        ["html", { outputFolder: `${reports}/html`, open: "never" }],
        ["./helpers/reporters/conformance-reporter.ts", { outputDir: reports }],
        // allure-playwright, writing one result per check for the tests that run checks.
        [
          "./helpers/reporters/allure-reporter.ts",
          { resultsDir: `${reports}/allure-results`, detail: false, suiteTitle: false },
        ],
        ...blob,
      ],
});
