import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ReportedCheck } from "../../helpers/reporters/conformance-reporter";

export const ROOT = join(__dirname, "..", "..");

export interface SuiteRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  ms: number;
  checks: ReportedCheck[];
  requests: number;
  failed: ReportedCheck[];
}

export interface SuiteOptions {
  /** A folder under reports/self-test/ for this run's reports. */
  name: string;
  faults?: string[];
  variants?: string[];
  env?: Record<string, string>;
  args?: string[];
  /** Keep the HTML and Allure reporters (slower); by default only the per-check reporter runs. */
  fullReports?: boolean;
}

/** Runs `npm run conformance` as a user would (a real Playwright process) and reads its per-check results. */
export function runSuite(options: SuiteOptions): Promise<SuiteRun> {
  const reportsDir = join("reports", "self-test", options.name);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WORKSPACE_URL: "",
    WORKSPACE_USER: "",
    WORKSPACE_PASSWORD: "",
    WORKSPACE_REFERENCE_FAULTS: (options.faults ?? []).join(","),
    WORKSPACE_REFERENCE_VARIANTS: (options.variants ?? []).join(","),
    WORKSPACE_REPORTS_DIR: reportsDir,
    WC_MINIMAL_REPORTS: options.fullReports ? "" : "1",
    ...options.env,
  };
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, "node_modules", "@playwright", "test", "cli.js"), "test", ...(options.args ?? [])],
      {
        cwd: ROOT,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      let checks: ReportedCheck[] = [];
      let requests = 0;
      try {
        const data = JSON.parse(readFileSync(join(ROOT, reportsDir, "checks.json"), "utf8"));
        checks = data.checks;
        requests = data.requests;
      } catch {
        // No results: the run ended before its reporter wrote them; the exit code and output say why.
      }
      resolve({
        exitCode: code ?? 1,
        stdout,
        stderr,
        ms: Date.now() - started,
        checks,
        requests,
        failed: checks.filter((c) => c.outcome === "failed"),
      });
    });
  });
}

/** `people.get-self/format.default-is-xml` -> `format.default-is-xml` */
export function ruleOf(checkId: string): string {
  return checkId.split("/")[1];
}
