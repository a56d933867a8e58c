import { resolve } from "node:path";
import { test as base, expect as baseExpect } from "@playwright/test";
import type { Location } from "@playwright/test/reporter";
import { type Check, type CheckResult, failsTheRun, RESULTS_ATTACHMENT } from "./checks/check";
import { runCheck, skippedCheck } from "./checks/index";
import { DiscoveredValues, OperationRunner } from "./checks/operations";
import { applyProfile, withEarlyThrottle } from "./checks/outcome";
import { PassingRecords } from "./checks/passing-records";
import { CreatedRecords } from "./checks/round-trip";
import { SharedReads } from "./checks/shared-reads";
import { StandInRecords } from "./checks/stand-in-records";
import type { Operation } from "./contract/contract";
import { contractIndex } from "./contract/loader";
import { schemaRegistry } from "./contract/schemas";
import { SharedBudget } from "./http/budget-server";
import type { WorkspaceClient } from "./http/client";
import { HttpTransport } from "./http/http";
import { collectGarbage, hasLargeAnswer } from "./http/large-answers";
import { logSchema } from "./http/request-log";
import { boundedResult } from "./reporters/bounded";
import { renderEvidence, renderVerdict, reportedResult } from "./reporters/evidence";
import { loadConfig, type SuiteConfig } from "./run/config";
import { fingerprintAnnotation } from "./run/fingerprint";
import { Ledger } from "./run/ledger";
import { unavailability } from "./run/modules";
import { activeProfile, type Profile } from "./run/profile";
import { runClient } from "./run/run-client";
import { type RunInfo, readRunInfo } from "./run/run-info";
import { RunLedgerFile } from "./run/run-ledger";

export interface Conformance {
  /**
   * Runs one check as a step of the current test; a failure is soft, so the other checks still run.
   * Consecutive checks of one operation share its reads (helpers/checks/shared-reads.ts).
   */
  check(op: Operation, check: Check): Promise<CheckResult>;
  /** Records a result found outside `check` (the rate-limit checks), the same way, as a step. */
  record(result: CheckResult): Promise<CheckResult>;
}

type WorkerFixtures = {
  /** A fresh name for each record this worker creates: `wc-<run>-w<worker>-<n>`. */
  uniqueName: () => string;
  config: SuiteConfig;
  run: RunInfo;
  workspace: WorkspaceClient;
  discovered: DiscoveredValues;
  /** Which checks this deployment is known to fail (WORKSPACE_PROFILE). */
  profile: Profile;
};
type TestFixtures = { ledger: Ledger; conformance: Conformance };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  config: [async ({}, use) => use(loadConfig()), { scope: "worker" }],
  run: [async ({}, use) => use(readRunInfo()), { scope: "worker" }],
  profile: [async ({ config }, use) => use(activeProfile(config.profile)), { scope: "worker" }],
  uniqueName: [
    async ({ run }, use, workerInfo) => {
      let n = 0;
      await use(() => `${run.namePrefix}-w${workerInfo.parallelIndex}-${++n}`);
    },
    { scope: "worker" },
  ],
  workspace: [
    async ({ config, run }, use) => {
      const http = new HttpTransport({ ignoreHttpsErrors: config.ignoreHttpsErrors });
      const budget = new SharedBudget(run.budgetUrl);
      await use(
        runClient(http, run, { timeoutMs: config.timeoutMs, allowWrites: config.allowWrites, budget }),
      );
      await budget.flush();
      http.close();
    },
    { scope: "worker" },
  ],
  discovered: [
    async ({ workspace, run, config, uniqueName }, use) => {
      // Records made in lists found empty serve the whole worker, so the worker's end removes them.
      const ledger = new Ledger(new RunLedgerFile(run.ledgerFile));
      const policy = {
        allowWrites: config.allowWrites,
        allowSettingsWrites: config.allowSettingsWrites,
        disposable: run.embedded,
      };
      const passing = new PassingRecords(run.namePrefix);
      const standIns = new StandInRecords(contractIndex(), policy, (create) =>
        new OperationRunner(
          workspace,
          schemaRegistry(),
          discovered,
          ledger,
          new CreatedRecords(ledger, contractIndex()),
          contractIndex(),
          () => passing.lasts(uniqueName()),
          [],
          run.namePrefix,
          policy,
        ).createRecord(create),
      );
      const discovered: DiscoveredValues = new DiscoveredValues(workspace, standIns, passing.passing);
      await use(discovered);
      await undoOrFail(ledger, workspace);
    },
    { scope: "worker" },
  ],
  ledger: async ({ workspace, run }, use) => {
    const ledger = new Ledger(new RunLedgerFile(run.ledgerFile));
    await use(ledger);
    await undoOrFail(ledger, workspace);
  },
  conformance: async ({ workspace, discovered, ledger, uniqueName, run, profile, config }, use, testInfo) => {
    const schemas = schemaRegistry();
    const results: ReturnType<typeof reportedResult>[] = [];
    const requestsBefore = workspace.options.budget.total;
    testInfo.annotations.push(fingerprintAnnotation(run.fingerprint));
    const record = (found: CheckResult): CheckResult => {
      const result = applyProfile(withEarlyThrottle(boundedResult(found)), profile);
      // Kept as reported (no exchanges): the responses themselves are freed once reported.
      results.push(reportedResult(result, config.failOnFixed));
      if (result.outcome === "skipped")
        testInfo.annotations.push({ type: "skipped check", description: `${result.id}: ${result.why}` });
      for (const { note } of result.exchanges)
        if (note) testInfo.annotations.push({ type: "503", description: `${result.id}: ${note}` });
      if (result.deviation) {
        const { reason, source } = result.deviation;
        const type = result.outcome === "fixed" ? "fixed deviation" : "known deviation";
        testInfo.annotations.push({ type, description: `${result.id}: ${reason} (${source})` });
      }
      return result;
    };
    // Verdicts only: a failed result's exchanges are freed with it, as a passing one's are.
    const failing: string[] = [];
    /**
     * A check runs outside Playwright's steps: a passing one reports its id and verdict in the test's
     * RESULTS_ATTACHMENT alone. Each step cost its worker two messages to the runner and a walk of
     * the test's steps so far (quadratic in a test of a thousand checks), the runner its bookkeeping:
     * about a quarter of a green run's CPU. A check that did not pass (any check, with
     * WORKSPACE_EVIDENCE_OF_PASSING) is then shown as a step with its evidence attached; a failing
     * one throws its verdict there, so the step shows failed with its why, and the error is caught
     * here: the test goes on to its other checks and fails once, at its end. (A soft assertion per
     * failed check cost ~8 ms each at breadth: a stack, source maps, an error in every report.) A
     * check that throws is shown as a step that failed with that error, and ends the test.
     */
    const checkAndShow = async (title: string, body: () => Promise<CheckResult>, location?: Location) => {
      const options = location && { location };
      let result: CheckResult;
      try {
        result = record(await body());
      } catch (error) {
        return base.step(title, () => Promise.reject(error), options);
      }
      if (result.outcome === "passed" && !config.evidenceOfPassing) return result;
      let failed: CheckResult | undefined;
      return base
        .step(
          title,
          async (step) => {
            await step.attach(result.id, { body: renderEvidence(result), contentType: "text/plain" });
            if (!failsTheRun(result, config.failOnFixed)) return result;
            failed = result;
            const verdict = renderVerdict(result);
            failing.push(verdict);
            throw new CheckFailed(verdict);
          },
          options,
        )
        .catch((error) => {
          if (failed && error instanceof CheckFailed) return failed;
          throw error;
        });
    };
    // The reads of the operation being checked: its checks run one after another (specs/contract.spec.ts).
    let shared: SharedReads | undefined;
    // The records the test's creates made: its updates and deletes act on them (test-plan.ts keeps them together).
    const records = new CreatedRecords(ledger, contractIndex());
    await use({
      check: async (op, check) => {
        if (shared?.operation !== op.key) shared = new SharedReads(op.key);
        const reads = shared;
        let large = false;
        const result = await checkAndShow(
          `${op.key}/${check.family}.${check.name}`,
          async () => {
            const unavailable = unavailability(op);
            if (unavailable) return skippedCheck(op, check, unavailable);
            const evidence: CheckResult["exchanges"] = [];
            const runner = new OperationRunner(
              workspace,
              schemas,
              discovered,
              ledger,
              records,
              contractIndex(),
              uniqueName,
              evidence,
              run.namePrefix,
              {
                allowWrites: config.allowWrites,
                allowSettingsWrites: config.allowSettingsWrites,
                disposable: run.embedded,
              },
              reads,
            );
            const found = await runCheck(op, check, runner, evidence);
            logSchema(evidence, op.schema);
            large = hasLargeAnswer(evidence);
            return found;
          },
          declaredAt(op),
        );
        // The check's exchanges are unreachable now (SharedReads keeps no large answer): megabytes
        // of them are freed at once, not lazily.
        if (large) collectGarbage();
        return result;
      },
      record: (result) => checkAndShow(result.id, async () => result),
    });
    if (failing.length) expect.soft(failing).toBeNoFailedChecks();
    await testInfo.attach(RESULTS_ATTACHMENT, {
      body: JSON.stringify({ results, requests: workspace.options.budget.total - requestsBefore }),
      contentType: "application/json",
    });
  },
});

/** Undoes what `ledger` holds; a record that could not be removed fails the test (or the worker). */
async function undoOrFail(ledger: Ledger, workspace: WorkspaceClient): Promise<void> {
  const problems = await ledger.undoAll(workspace);
  // One line: the run's summary shows an error's first line (a setting's value to set back by hand).
  if (problems.length) throw new Error(`Cleanup failed, records may be left behind: ${problems.join("; ")}`);
}

/** Where the operation is declared (`specs/people.yaml:12:3`): the step's location in reports, no stack needed. */
function declaredAt(op: Operation): Location {
  const [, file, line, column] = op.source.match(/^(.*):(\d+):(\d+)$/) ?? [];
  return { file: resolve(file ?? op.source), line: Number(line ?? 1), column: Number(column ?? 1) };
}

/**
 * A failed check's verdict, thrown in its step and caught around it. Without a stack: the step has
 * its location (the operation in its YAML file), and for an error with a stack the runner reads and
 * highlights the code around the throw, the same lines of this file for every failed check (~2.5 ms
 * each: a second for a rule broken on 400 operations).
 */
class CheckFailed extends Error {
  override name = "CheckFailed";
  constructor(verdict: string) {
    const frames = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(verdict);
    Error.stackTraceLimit = frames;
  }
}

/** Verdicts shown in full in a test's one error; summary.md and checks.json list every failure. */
const SHOWN_VERDICTS = 5;

export const expect = baseExpect.extend({
  /** The verdicts of the test's failed checks: the first ones in full, then how many more. */
  toBeNoFailedChecks(verdicts: string[]) {
    const more = verdicts.length - SHOWN_VERDICTS;
    return {
      pass: verdicts.length === 0,
      name: "toBeNoFailedChecks",
      message: () =>
        [
          ...verdicts.slice(0, SHOWN_VERDICTS),
          ...(more > 0
            ? [
                `... and ${more} more failed checks of this test (each step shows its own; reports/summary.md lists them all)`,
              ]
            : []),
        ].join("\n\n"),
    };
  },
});
