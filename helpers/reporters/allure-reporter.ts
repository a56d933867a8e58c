import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import type { FullConfig, Suite, TestCase, TestResult, TestStep } from "@playwright/test/reporter";
import type { TestResult as AllureResult } from "allure-js-commons";
import type { ReporterRuntime } from "allure-js-commons/sdk/reporter";
import AllurePlaywright from "allure-playwright";
import { FAMILIES, type Outcome, RESULTS_ATTACHMENT } from "../checks/check";
import { fingerprintEntries } from "../run/fingerprint";
import { describeUnavailable, moduleStatuses } from "../run/modules";
import { runFingerprint } from "../run/run-info";
import { NonBlockingAllureWriter } from "./allure-writer";
import { checkIdOfVerdict, type ReportedCheck, renderFindings } from "./evidence";

type AllureStatus = "passed" | "failed" | "broken" | "skipped";

/**
 * A known deviation does not gate, like a skip, and is told apart by its `deviation` label and tag;
 * "broken" is Allure's word for a test that could not decide, which is what inconclusive means.
 */
const STATUS: Record<Outcome, AllureStatus> = {
  passed: "passed",
  failed: "failed",
  fixed: "failed",
  skipped: "skipped",
  deviated: "skipped",
  inconclusive: "broken",
};

/**
 * A broken status or format rule breaks every client; the other families break some uses; an
 * informational check (where the documentation is silent) never gates.
 */
const severity = (family: string) => (family === "status" || family === "format" ? "critical" : "normal");

/** The profile's reason and source for a known deviation (or fixed one), else what the check found. */
const deviationOf = (check: ReportedCheck) =>
  check.deviation
    ? `${check.deviation.reason} (${check.deviation.profile}: ${check.deviation.source})`
    : check.why;

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const stableId = (text: string) => createHash("md5").update(text).digest("hex");

/** A test tagged with a check family (`@format`, `@auth`, `@rate-limit`: see FAMILIES) reports checks. */
const FAMILY_TAGS = new Set<string>(FAMILIES.map((family) => `@${family}`));
const carriesChecks = (test: TestCase) => test.tags.some((tag) => FAMILY_TAGS.has(tag));

/** What global setup's probes found missing, beside the fingerprint (each module check says it too). */
function unavailableEnvironment(): Record<string, string> {
  const unavailable = describeUnavailable([...moduleStatuses().values()]);
  return unavailable ? { "Unavailable modules": unavailable } : {};
}

/** `--list` runs nothing: the last run's results stay. */
const listing = () => process.argv.includes("--list");

/**
 * allure-playwright, with one Allure result per CHECK for the tests that run checks: such a test runs
 * one check family on every section, so its per-test result would hide which check failed. Those
 * tests skip allure-playwright's per-test path; at their end, each check's result (from the
 * RESULTS_ATTACHMENT) is written through allure-playwright's own runtime and writer, with its labels
 * (section, operation, family, check, severity, deviation) and its evidence (requests, responses,
 * curl) attached. Any other test is reported by allure-playwright as usual. The results folder is
 * emptied when a run begins; the deployment's fingerprint is the environment info.
 */
export default class AllureReporter extends AllurePlaywright {
  /** Ids of the running tests reported per check. */
  private readonly perCheck = new Set<string>();

  /** allure-playwright's runtime, created in its onBegin from our options (private in its typings only). */
  private get runtime(): ReporterRuntime {
    const { allureRuntime } = this as unknown as { allureRuntime?: ReporterRuntime };
    if (!allureRuntime) throw new Error("allure-playwright has no allureRuntime: its version changed?");
    return allureRuntime;
  }

  private metadata: Record<string, unknown> = {};
  private writer?: NonBlockingAllureWriter;

  /**
   * `npx playwright merge-reports` configures reporters without projects (each shard's suite brings
   * its own); allure-playwright would read the first project's folders, used only for snapshots.
   */
  override onConfigure(config: FullConfig): void {
    this.metadata = config.metadata;
    if (config.projects.length) super.onConfigure(config);
    else Object.assign(this, { config });
  }

  override onBegin(suite: Suite): void {
    if (!listing()) rmSync(this.options.resultsDir ?? "allure-results", { recursive: true, force: true });
    // After global setup (Playwright calls onBegin then), so the fingerprint is known.
    const fingerprint = runFingerprint(this.metadata);
    if (fingerprint)
      this.options = {
        ...this.options,
        environmentInfo: {
          ...Object.fromEntries(fingerprintEntries(fingerprint)),
          ...unavailableEnvironment(),
          ...this.options.environmentInfo,
        },
      };
    super.onBegin(suite);
    this.writer = new NonBlockingAllureWriter(
      this.runtime.writer,
      this.options.resultsDir ?? "allure-results",
    );
    this.runtime.writer = this.writer;
  }

  override onTestBegin(test: TestCase): void {
    if (carriesChecks(test)) this.perCheck.add(test.id);
    else super.onTestBegin(test);
  }

  override onStepBegin(test: TestCase, result: TestResult, step: TestStep): void {
    if (!this.perCheck.has(test.id)) super.onStepBegin(test, result, step);
  }

  override onStepEnd(test: TestCase, result: TestResult, step: TestStep): void {
    if (!this.perCheck.has(test.id)) super.onStepEnd(test, result, step);
  }

  override async onTestEnd(test: TestCase, result: TestResult): Promise<void> {
    if (!this.perCheck.delete(test.id)) return super.onTestEnd(test, result);
    const attachment = result.attachments.find((a) => a.name === RESULTS_ATTACHMENT);
    const checks: ReportedCheck[] = attachment?.body
      ? JSON.parse(attachment.body.toString("utf8")).results
      : [];
    for (const check of checks) this.writeCheck(check, result);
    const errors = result.errors.filter((e) => !checkIdOfVerdict(e.message));
    if (errors.length) this.writeTestError(test, result, errors.map((e) => e.message ?? "").join("\n\n"));
  }

  override async onEnd(): Promise<void> {
    if (listing()) return;
    await super.onEnd();
    await this.writer?.flush();
  }

  private writeCheck(check: ReportedCheck, result: TestResult): void {
    const step = findStep(result.steps, check.id);
    const start = (step?.startTime ?? result.startTime).getTime();
    const evidence = result.attachments.find((a) => a.name === check.id);
    const body = evidence?.body ?? (evidence?.path ? readFileSync(evidence.path) : undefined);
    const uuid = this.runtime.startTest({ ...allureResultOf(check), start });
    if (body) this.runtime.writeAttachment(uuid, undefined, "evidence", body, { contentType: "text/plain" });
    this.finish(uuid, start + (step?.duration ?? 0));
  }

  /** An error outside the checks (a cleanup that failed): one broken result for the test. */
  private writeTestError(test: TestCase, result: TestResult, message: string): void {
    const fullName = test.titlePath().join(" > ");
    const start = result.startTime.getTime();
    const uuid = this.runtime.startTest({
      name: test.title,
      fullName,
      historyId: stableId(fullName),
      testCaseId: stableId(fullName),
      status: "broken" as AllureResult["status"],
      statusDetails: { message },
      stage: "finished" as AllureResult["stage"],
      start,
      labels: [{ name: "parentSuite", value: "errors outside the checks" }],
    });
    this.finish(uuid, start + result.duration);
  }

  private finish(uuid: string, stop: number): void {
    this.runtime.stopTest(uuid, { stop });
    this.runtime.writeTest(uuid);
  }
}

/** One check as an Allure result: its name and ids, status, findings and labels. */
function allureResultOf(check: ReportedCheck): Partial<AllureResult> {
  const deviation = check.outcome === "deviated";
  // `known` (a known issue) is in Allure's result format, though not in allure-js-commons' type.
  const statusDetails: AllureResult["statusDetails"] & { known: boolean } = {
    message: `${check.outcome}: ${check.why}`,
    trace: check.outcome === "passed" ? undefined : renderFindings(check.expected, check.given),
    known: deviation,
  };
  return {
    name: check.id,
    fullName: check.id,
    historyId: stableId(check.id),
    testCaseId: stableId(check.id),
    // As HTML: Allure reads `description` as Markdown, and a rule's `*/*` is no emphasis.
    descriptionHtml: `<p>${escapeHtml(check.rule)}</p>`,
    // A fixed check fails only while WORKSPACE_FAIL_ON_FIXED is on (gating), as the run does.
    status: (check.outcome === "fixed" && !check.gating
      ? "passed"
      : STATUS[check.outcome]) as AllureResult["status"],
    statusDetails,
    stage: "finished" as AllureResult["stage"],
    labels: [
      { name: "parentSuite", value: check.section },
      { name: "suite", value: `${check.section}.${check.operation}` },
      { name: "feature", value: check.family },
      { name: "story", value: `${check.family}.${check.check}` },
      { name: "severity", value: check.informational ? "trivial" : severity(check.family) },
      { name: "tag", value: check.section },
      { name: "tag", value: check.family },
      { name: "framework", value: "playwright" },
      ...(check.informational ? [{ name: "tag", value: "informational" }] : []),
      ...(check.outcome === "fixed" ? [{ name: "deviation", value: `fixed: ${deviationOf(check)}` }] : []),
      ...(deviation
        ? [
            { name: "deviation", value: deviationOf(check) },
            { name: "tag", value: "known-deviation" },
          ]
        : []),
    ],
  };
}

function findStep(steps: TestStep[], title: string): TestStep | undefined {
  for (const step of steps) {
    if (step.title === title) return step;
    const inner = findStep(step.steps, title);
    if (inner) return inner;
  }
  return undefined;
}
