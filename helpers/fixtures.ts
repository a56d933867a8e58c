import { test as base, expect as baseExpect } from "@playwright/test";
import { RequestBudget } from "./budget";
import { type Check, type CheckResult, RESULTS_ATTACHMENT } from "./checks/check";
import { runCheck } from "./checks/index";
import { WorkspaceClient } from "./client";
import { loadConfig, type SuiteConfig } from "./config";
import { contractIndex, type Operation } from "./contract";
import { renderEvidence, renderVerdict } from "./evidence";
import { Ledger } from "./ledger";
import { DiscoveredValues, OperationRunner } from "./operations";
import { Redactor } from "./redaction";
import { type RunInfo, readRunInfo } from "./run-info";
import { schemaRegistry } from "./schemas";

export interface Conformance {
  /** Runs one check as a step of the current test; a failure is soft, so the other checks still run. */
  check(op: Operation, check: Check): Promise<CheckResult>;
}

type WorkerFixtures = {
  /** A fresh name for each record this worker creates: `wc-<run>-w<worker>-<n>`. */
  uniqueName: () => string;
  config: SuiteConfig;
  run: RunInfo;
  workspace: WorkspaceClient;
  discovered: DiscoveredValues;
};
type TestFixtures = { ledger: Ledger; conformance: Conformance };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  config: [async ({}, use) => use(loadConfig()), { scope: "worker" }],
  run: [async ({}, use) => use(readRunInfo()), { scope: "worker" }],
  uniqueName: [
    async ({ run }, use, workerInfo) => {
      let n = 0;
      await use(() => `${run.namePrefix}-w${workerInfo.parallelIndex}-${++n}`);
    },
    { scope: "worker" },
  ],
  workspace: [
    async ({ playwright, config, run }, use, workerInfo) => {
      const api = await playwright.request.newContext({ ignoreHTTPSErrors: config.ignoreHttpsErrors });
      const redactor = new Redactor();
      redactor.add(run.token);
      redactor.add(config.password, config.user);
      const budget = RequestBudget.forWorker(
        run.rateLimit.limit,
        run.rateLimit.windowSeconds,
        workerInfo.config.workers,
      );
      await use(
        new WorkspaceClient(api, {
          baseUrl: run.url,
          token: run.token,
          timeoutMs: config.timeoutMs,
          allowWrites: config.allowWrites,
          budget,
          redactor,
        }),
      );
      await api.dispose();
    },
    { scope: "worker" },
  ],
  discovered: [async ({ workspace }, use) => use(new DiscoveredValues(workspace)), { scope: "worker" }],
  ledger: async ({ workspace }, use) => {
    const ledger = new Ledger();
    await use(ledger);
    const problems = await ledger.undoAll(workspace);
    if (problems.length)
      throw new Error(`Cleanup failed, records may be left behind:\n${problems.join("\n")}`);
  },
  conformance: async ({ workspace, discovered, ledger, uniqueName, run }, use, testInfo) => {
    const schemas = schemaRegistry();
    const results: CheckResult[] = [];
    const requestsBefore = workspace.options.budget.total;
    await use({
      check: (op, check) =>
        base.step(`${op.key}/${check.family}.${check.name}`, async () => {
          const evidence: CheckResult["exchanges"] = [];
          const runner = new OperationRunner(
            workspace,
            schemas,
            discovered,
            ledger,
            contractIndex(),
            uniqueName,
            evidence,
            run.namePrefix,
          );
          const result = await runCheck(op, check, runner, evidence);
          results.push(result);
          await testInfo.attach(result.id, { body: renderEvidence(result), contentType: "text/plain" });
          if (result.outcome === "skipped")
            testInfo.annotations.push({ type: "skipped check", description: `${result.id}: ${result.why}` });
          expect.soft(result).toConform();
          return result;
        }),
    });
    const summary = results.map(({ exchanges, ...rest }) => ({ ...rest, requests: exchanges.length }));
    await testInfo.attach(RESULTS_ATTACHMENT, {
      body: JSON.stringify({ results: summary, requests: workspace.options.budget.total - requestsBefore }),
      contentType: "application/json",
    });
  },
});

export const expect = baseExpect.extend({
  toConform(result: CheckResult) {
    return {
      pass: result.outcome !== "failed",
      name: "toConform",
      message: () => renderVerdict(result),
    };
  },
});
