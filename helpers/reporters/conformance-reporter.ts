import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";
import { type CheckResult, RESULTS_ATTACHMENT } from "../checks/check";
import { junitXml } from "./junit";

export type ReportedCheck = Omit<CheckResult, "exchanges"> & { requests: number; test: string };

/**
 * Collects every check's result from the tests' attachments and writes them per check:
 * `checks.json` (for tools and the suite's own tests), `junit.xml` (one test case per check id),
 * and a verdict in words on the console.
 */
export default class ConformanceReporter implements Reporter {
  private readonly checks: ReportedCheck[] = [];
  private requests = 0;
  private readonly errors: string[] = [];

  constructor(private readonly options: { outputDir?: string } = {}) {}

  printsToStdio(): boolean {
    return true;
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
      if (!/toConform/.test(error.message ?? ""))
        this.errors.push(`${test.title}: ${(error.message ?? "").split("\n")[0]}`);
    }
  }

  onEnd(result: FullResult): void {
    const dir = this.options.outputDir ?? "reports";
    mkdirSync(dir, { recursive: true });
    this.checks.sort((a, b) => a.id.localeCompare(b.id));
    writeFileSync(
      join(dir, "checks.json"),
      `${JSON.stringify({ status: result.status, requests: this.requests, checks: this.checks }, null, 2)}\n`,
    );
    writeFileSync(join(dir, "junit.xml"), junitXml(this.checks, result.duration));
    const count = (outcome: string) => this.checks.filter((c) => c.outcome === outcome).length;
    const failed = this.checks.filter((c) => c.outcome === "failed");
    const lines = [""];
    if (failed.length) {
      lines.push("Failed checks:");
      for (const check of failed) lines.push(`  ✘ ${check.id}: ${check.why}`);
    }
    for (const error of this.errors) lines.push(`  ! ${error}`);
    lines.push(
      `Conformance: ${this.checks.length} checks, ${count("passed")} passed, ${failed.length} failed, ${count("skipped")} skipped; ${this.requests} requests; reports in ${dir}/`,
    );
    process.stdout.write(`${lines.join("\n")}\n`);
  }
}
