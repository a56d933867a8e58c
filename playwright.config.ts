import { defineConfig } from "@playwright/test";
import { loadConfig } from "./helpers/config";
import { contracts, shareContracts } from "./helpers/contract";
import { failFast } from "./helpers/fail-fast";
import { exportCliGrep } from "./helpers/selection";

// Configuration and contract files are checked before anything runs: a mistake ends the run with
// one message, before any request is sent. Workers (which load this file too) get the parsed
// contract and the CLI's --grep from the main process.
const config = failFast(() => {
  if (process.env.TEST_WORKER_INDEX === undefined) {
    shareContracts(contracts());
    exportCliGrep(process.argv);
  }
  return loadConfig();
});
const reports = config.reportsDir;

export default defineConfig({
  testDir: "specs",
  testMatch: "**/*.spec.ts",
  outputDir: `${reports}/test-results`,
  globalSetup: "./specs/global-setup.ts",
  fullyParallel: true,
  // Two workers even on two cores: a failed test restarts its worker (~0.5 s), and restarts overlap.
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 120_000,
  // WC_MINIMAL_REPORTS: the suite's own tests run it many times and read only the per-check results.
  reporter: process.env.WC_MINIMAL_REPORTS
    ? [["./helpers/reporters/conformance-reporter.ts", { outputDir: reports }]]
    : [
        [process.env.CI ? "dot" : "list"],
        ["html", { outputFolder: `${reports}/html`, open: "never" }],
        ["./helpers/reporters/conformance-reporter.ts", { outputDir: reports }],
        ["allure-playwright", { resultsDir: `${reports}/allure-results`, detail: false, suiteTitle: false }],
      ],
});
