import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FullConfig, FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";
import { RESULTS_ATTACHMENT } from "../checks/check";
import { describeAccounting, readAccounting } from "../http/request-accounting";
import { STOPPED_EXIT_CODE } from "../http/run-stop";
import { runFingerprint, stopOfRun } from "../run/run-info";
import { describeRecords, recordsOfRun } from "../run/run-ledger";
import { runCoverage, writesReport } from "./coverage";
import { EMPTY_LISTS_TITLE, emptyListInWords, emptyListModules } from "./empty-lists";
import { checkIdOfVerdict, type ReportedCheck } from "./evidence";
import { junitXml } from "./junit";
import {
  countsInWords,
  groupedLines,
  informationalFailure,
  unavailableInWords,
  unavailableModules,
  verdictInWords,
  writeSummary,
} from "./summary";

/**
 * Collects every check's result from the tests' attachments and writes them per check:
 * `checks.json` (for tools and the suite's own tests), `junit.xml` (one test case per check id),
 * and a verdict in words on the console.
 */
export default class ConformanceReporter implements Reporter {
  private readonly checks: ReportedCheck[] = [];
  private requests = 0;
  private readonly errors: string[] = [];
  private metadata: Record<string, unknown> = {};

  constructor(private readonly options: { outputDir?: string } = {}) {}

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig): void {
    this.metadata = config.metadata;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const attachment = result.attachments.find((a) => a.name === RESULTS_ATTACHMENT);
    if (attachment?.body) {
      const data = JSON.parse(attachment.body.toString("utf8")) as {
        results: ReportedCheck[];
        requests: number;
      };
      for (const check of data.results) this.checks.push({ ...check, test: test.title });
      this.requests += data.requests;
    }
    for (const error of result.errors) {
      if (!checkIdOfVerdict(error.message))
        this.errors.push(`${test.title}: ${(error.message ?? "").split("\n")[0]}`);
    }
  }

  onEnd(result: FullResult): void {
    // `--list` runs nothing: the last run's reports stay.
    if (process.argv.includes("--list")) return;
    const dir = this.options.outputDir ?? "reports";
    mkdirSync(dir, { recursive: true });
    this.checks.sort((a, b) => a.id.localeCompare(b.id));
    const deployment = runFingerprint(this.metadata);
    const records = recordsOfRun();
    const accounting = readAccounting();
    const unavailable = unavailableModules(this.checks);
    const emptyLists = emptyListModules(this.checks);
    writeFileSync(
      join(dir, "checks.json"),
      `${JSON.stringify({ status: result.status, deployment, unavailableModules: unavailable, emptyLists, records, requests: this.requests, accounting, writes: writesReport(runCoverage(this.checks)), checks: this.checks }, null, 2)}\n`,
    );
    writeFileSync(join(dir, "junit.xml"), junitXml(this.checks, result.duration, deployment));
    const summary = join(dir, "summary.md");
    const lines = [""];
    lines.push(
      ...groupedLines(
        "Failed checks",
        "✘",
        this.checks.filter((c) => c.gating),
        summary,
      ),
    );
    // In full, not cut short as above: each is the value a person must set back by hand.
    const notSetBack = this.checks.filter((c) => c.gating && c.family === "write" && c.check === "restored");
    if (notSetBack.length)
      lines.push(
        "Settings not set back (set each back by hand; the run's ledger tried again at the end of its test):",
        ...notSetBack.map((c) => `  ✘ ${c.section}.${c.operation}: ${c.why}`),
      );
    lines.push(
      ...groupedLines(
        "Informational (the documentation is silent; not gating)",
        "i",
        this.checks.filter(informationalFailure),
        summary,
      ),
    );
    if (emptyLists.length)
      lines.push(EMPTY_LISTS_TITLE, ...emptyLists.map((module) => `  ⊘ ${emptyListInWords(module)}`));
    for (const error of this.errors) lines.push(`  ! ${error}`);
    const passed = result.status === "passed";
    const modules = unavailable.length ? `; unavailable modules: ${unavailableInWords(unavailable)}` : "";
    const verdict = `Conformance: ${countsInWords(this.checks)}: ${verdictInWords(this.checks, passed)}${modules}; ${accounting ? describeAccounting(accounting) : `${this.requests} requests`}; ${records ? `${describeRecords(records)}; ` : ""}reports in ${dir}/`;
    lines.push("", ...writeSummary(dir, this.checks, verdict, passed, deployment), verdict);
    const stopped = stopOfRun();
    if (stopped) {
      lines.push(
        `Run stopped: ${stopped}. The checks after that were not run (skipped); exit code ${STOPPED_EXIT_CODE}.`,
      );
      // Playwright exits with 1 for any failure; an unresponsive deployment is a setup problem (2).
      process.on("exit", () => {
        process.exitCode = STOPPED_EXIT_CODE;
      });
    }
    process.stdout.write(`${lines.join("\n")}\n`);
  }
}
