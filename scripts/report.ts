/**
 * `npm run report`: the Allure report of the last run, offline, as one HTML file
 * (reports/allure-report/index.html) built by Allure 3 from reports/allure-results; opening it sends
 * nothing anywhere (helpers/reporters/allure-html.ts).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { offlineReport } from "../helpers/reporters/allure-html";
import { loadConfig } from "../helpers/run/config";
import { failFast } from "../helpers/run/fail-fast";

const root = join(__dirname, "..");
const reports = failFast(() => loadConfig()).reportsDir;
const results = join(reports, "allure-results");
const output = join(reports, "allure-report");
if (!existsSync(results) || !readdirSync(results).some((name) => name.endsWith("-result.json"))) {
  process.stderr.write(`No Allure results in ${results}/: run the suite first (npm run conformance).\n`);
  process.exit(1);
}
rmSync(output, { recursive: true, force: true });
const allure = spawnSync(
  process.execPath,
  [
    join(root, "node_modules", "allure", "cli.js"),
    "awesome",
    results,
    "--single-file",
    "--output",
    output,
    "--name",
    "Workspace conformance",
    "--group-by",
    "parentSuite,suite",
  ],
  { cwd: root, stdio: ["ignore", "inherit", "inherit"] },
);
if (allure.status !== 0) process.exit(allure.status ?? 1);
const index = join(output, "index.html");
writeFileSync(index, offlineReport(readFileSync(index, "utf8")));
console.log(`Allure report (one file, offline): ${index}`);
