import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { RequestAccounting } from "../../helpers/http/request-accounting";
import type { ReportedCheck } from "../../helpers/reporters/evidence";
import { treeRss } from "./tree-memory";

export const ROOT = join(__dirname, "..", "..");

/**
 * The limit self-tests give the reference and the suite (per 10 s): a run of the whole contract sends
 * some 5,000 requests, which the documented limit (budget 400 per 10 s) would pace over two minutes.
 * Self-tests are about checks, not pacing; those about the limit set their own (rateLimitEnv).
 */
export const SELF_TEST_RATE_LIMIT = 100_000;

/**
 * Each module's first three reads and all its other operations (helpers/contract/loader.ts): every
 * module is there, at about a sixth of the whole contract's checks. For self-tests about something
 * other than the contract's breadth (a bad server, the reports, a profile's bookkeeping); the whole
 * contract is the conforming self-tests' job.
 */
export const A_FEW_READS: Readonly<Record<string, string>> = { WC_GETS_PER_MODULE: "3" };

/** Every WORKSPACE_* setting, as .env.example documents them. */
export const SETTINGS = [
  ...new Set(readFileSync(join(ROOT, ".env.example"), "utf8").match(/^WORKSPACE_\w+(?==)/gm) ?? []),
];

/**
 * Suite runs this process lets go at once: one a core. A run is a runner and two workers, so more at
 * once only slow each other down (and a busy machine, or a second `npm test` beside this one, slows
 * them further). node:test runs the files one at a time (--test-concurrency=1), but a describe with
 * `{ concurrency }` starts its tests together: their runs queue here, in the order they were asked for.
 */
export const SUITE_RUNS_AT_ONCE = Math.max(1, availableParallelism());

/** Runs tasks at most `n` at once; the others wait, first come first served. */
export function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < n) running++;
    // A finished task hands its place straight to the next in line: `running` stays as it is.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

const inTurn = limiter(SUITE_RUNS_AT_ONCE);

export interface SuiteRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Wall time of the run itself, from its start to its end (not its wait for a slot): for diagnostics only, never asserted. */
  ms: number;
  checks: ReportedCheck[];
  requests: number;
  /** Total requests, the peak in a window against the budget, 503s met (checks.json `accounting`). */
  accounting?: RequestAccounting;
  failed: ReportedCheck[];
  /** Peak resident memory of the run's whole process tree (runner and workers), sampled every 100 ms. */
  peakRssBytes: number;
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
  /** Polled every 100 ms while the run lasts: once true, the run gets SIGINT, as from Ctrl-C. */
  interruptWhen?: () => boolean;
  /** Instead of a run: `npx playwright merge-reports` of the blob reports in this folder, as in CI. */
  mergeBlobsIn?: string;
  /** Node's options for the runner, which its workers inherit (`--cpu-prof`, say). */
  nodeArgs?: string[];
}

/**
 * Runs `npm run conformance` (or merges shards) as a user would, a real Playwright process, and reads
 * its per-check results. At most SUITE_RUNS_AT_ONCE at once: the others wait for a slot.
 */
export function runSuite(options: SuiteOptions): Promise<SuiteRun> {
  return inTurn(() => spawnSuite(options));
}

function spawnSuite(options: SuiteOptions): Promise<SuiteRun> {
  const reportsDir = join("reports", "self-test", options.name);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Nothing of the developer's environment or .env (a staging profile, a second account): every
    // setting .env.example names starts blank, which means its default (dotenv fills only unset ones).
    ...Object.fromEntries(SETTINGS.map((name) => [name, ""])),
    WORKSPACE_REFERENCE_FAULTS: (options.faults ?? []).join(","),
    WORKSPACE_REFERENCE_VARIANTS: (options.variants ?? []).join(","),
    WORKSPACE_REPORTS_DIR: reportsDir,
    WC_MINIMAL_REPORTS: options.fullReports ? "" : "1",
    // The rate-limit checks wait out a window; only the runs about them switch them on.
    WORKSPACE_RATE_LIMIT_CHECKS: "false",
    WORKSPACE_RATE_LIMIT: String(SELF_TEST_RATE_LIMIT),
    ...options.env,
  };
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...(options.nodeArgs ?? []),
        join(ROOT, "node_modules", "@playwright", "test", "cli.js"),
        ...(options.mergeBlobsIn
          ? ["merge-reports", "--config", "playwright.config.ts", options.mergeBlobsIn]
          : ["test"]),
        ...(options.args ?? []),
      ],
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
    const interrupt = options.interruptWhen;
    let peakRssBytes = 0;
    let interrupted = false;
    const poll = setInterval(() => {
      if (child.pid) peakRssBytes = Math.max(peakRssBytes, treeRss(child.pid));
      if (interrupted || !interrupt?.()) return;
      interrupted = true;
      child.kill("SIGINT");
    }, 100);
    child.on("exit", () => clearInterval(poll));
    child.on("close", (code) => {
      let checks: ReportedCheck[] = [];
      let requests = 0;
      let accounting: RequestAccounting | undefined;
      try {
        const data = JSON.parse(readFileSync(join(ROOT, reportsDir, "checks.json"), "utf8"));
        checks = data.checks;
        requests = data.requests;
        accounting = data.accounting;
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
        accounting,
        peakRssBytes,
        // An informational check's failure is reported, never a failure of the run.
        failed: checks.filter((c) => c.outcome === "failed" && !c.informational),
      });
    });
  });
}

/** The rate-limit checks on, against a limit and window the reference enforces too: small ones keep their waits short. */
export function rateLimitEnv(limit: number, windowSeconds: number): Record<string, string> {
  return {
    WORKSPACE_RATE_LIMIT: String(limit),
    WORKSPACE_RATE_WINDOW: String(windowSeconds),
    WORKSPACE_RATE_LIMIT_CHECKS: "true",
  };
}

/** `people.get-self/format.default-is-xml` -> `format.default-is-xml` */
export function ruleOf(checkId: string): string {
  return checkId.split("/")[1];
}
