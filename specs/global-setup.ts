import { resolve } from "node:path";
import type { FullConfig } from "@playwright/test";
import { contracts } from "../helpers/contract/loader";
import { runBudget } from "../helpers/http/budget";
import { SharedBudget, startBudgetServer } from "../helpers/http/budget-server";
import { HttpTransport } from "../helpers/http/http";
import { BURST_ADDRESS, hasLanes, laneAddresses } from "../helpers/http/lanes";
import { publishAccounting } from "../helpers/http/request-accounting";
import { RunStopped, runStopPath } from "../helpers/http/run-stop";
import { login, TargetError } from "../helpers/http/session";
import { ConfigError, loadConfig } from "../helpers/run/config";
import { failFastAsync } from "../helpers/run/fail-fast";
import { publishFingerprint, takeFingerprint } from "../helpers/run/fingerprint";
import { describeUnavailable, probeModules, shareModuleStatuses } from "../helpers/run/modules";
import { runClient, runRedactor } from "../helpers/run/run-client";
import { newRunId, readRunInfo, stopOfRun, writeRunInfo } from "../helpers/run/run-info";
import { runLedgerPath, settleRunLedger, treatTerminateAsInterrupt } from "../helpers/run/run-ledger";
import { parseEmpty, REFERENCE_ADMIN, REFERENCE_USER, startReference } from "../reference";

/** An ASP.NET 404 page or an error envelope is a few kilobytes. */
const MAX_PROBE_ANSWER_BYTES = 256 * 1024;

/**
 * Once per run, before any test: picks the target (WORKSPACE_URL, or the embedded reference started
 * here), logs in once, and hands the session to the workers.
 */
export default function globalSetup(fullConfig: FullConfig): Promise<() => Promise<void>> {
  return failFastAsync(() => setUp(fullConfig));
}

async function setUp(fullConfig: FullConfig): Promise<() => Promise<void>> {
  const config = loadConfig();
  const list = (name: string) =>
    (process.env[name] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  // Inside an async function: a bad name or kind (WORKSPACE_REFERENCE_EMPTY) rejects, as below.
  const embedded = async () =>
    startReference({
      faults: list("WORKSPACE_REFERENCE_FAULTS"),
      variants: list("WORKSPACE_REFERENCE_VARIANTS"),
      profile: process.env.WORKSPACE_REFERENCE_PROFILE?.trim() || undefined,
      withoutModules: list("WORKSPACE_REFERENCE_WITHOUT_MODULES"),
      disabledModules: list("WORKSPACE_REFERENCE_DISABLED_MODULES"),
      empty: parseEmpty(process.env.WORKSPACE_REFERENCE_EMPTY),
      rateLimit: config.rateLimit,
      // Where the lanes' sources (127.0.0.x, helpers/http/lanes.ts) reach it.
      host: "127.0.0.1",
    });
  const reference = config.url
    ? undefined
    : await embedded().catch((error: Error) => {
        // An unknown fault, variant, profile or module name: a configuration mistake, said without a stack.
        throw new ConfigError(`The embedded reference cannot start: ${error.message}.`);
      });
  const url = config.url ?? (reference?.url as string);
  const user = config.user ?? REFERENCE_ADMIN.user;
  const password = config.password ?? REFERENCE_ADMIN.password;
  // One budget for the run; shards (--shard i/n) on one IP and account share the deployment's limit.
  // On the embedded reference it has lanes, each a source address of its own (helpers/http/lanes.ts).
  const { limit, windowSeconds } = config.rateLimit;
  const lanes = hasLanes(reference !== undefined);
  const budget = await startBudgetServer(
    runBudget(limit, fullConfig.shard?.total),
    windowSeconds,
    laneAddresses(lanes),
  );
  const http = new HttpTransport({ ignoreHttpsErrors: config.ignoreHttpsErrors });
  try {
    const session = await login(http, url, user, password, config.timeoutMs);
    const runId = newRunId();
    const secrets = {
      token: session.token,
      credentials: { user, password },
      secondAccount: config.secondAccount ?? (config.url ? undefined : REFERENCE_USER),
    };
    const fingerprint = await takeFingerprint(
      http,
      url,
      config.timeoutMs,
      config.profile,
      runRedactor(secrets),
    );
    publishFingerprint(fingerprint, fullConfig);
    writeRunInfo({
      ...secrets,
      url,
      embedded: !config.url,
      runId,
      namePrefix: `wc-${runId}`,
      rateLimit: config.rateLimit,
      budgetUrl: budget.url,
      burstFrom: lanes ? BURST_ADDRESS : undefined,
      fingerprint,
      ledgerFile: resolve(runLedgerPath(config.reportsDir, runId)),
      stopFile: resolve(runStopPath(config.reportsDir, runId)),
    });
    // Once per run (per shard), one request per module: which modules this deployment lacks.
    const probes = new SharedBudget(budget.url);
    const client = runClient(http, readRunInfo(), {
      timeoutMs: config.timeoutMs,
      allowWrites: false,
      budget: probes,
      // A probe needs the status and whether an envelope came back, not a deployment's megabytes.
      maxBodyBytes: MAX_PROBE_ANSWER_BYTES,
    });
    const statuses = await probeModules(client, contracts()).catch((error: Error) => {
      // Three probes in a row got no answer in time: there is nothing to test.
      if (error instanceof RunStopped) throw new TargetError(`Cannot test ${url}: ${stopOfRun()}.`);
      throw error;
    });
    await probes.flush();
    shareModuleStatuses(statuses);
    const unavailable = describeUnavailable(statuses);
    if (unavailable)
      process.stdout.write(`Unavailable modules (their checks are skipped): ${unavailable}\n\n`);
    treatTerminateAsInterrupt();
  } catch (error) {
    await budget.close();
    await reference?.close();
    throw error;
  } finally {
    http.close();
  }
  return async () => {
    try {
      await settleRunLedger(readRunInfo(), config);
    } finally {
      publishAccounting(await budget.close());
      await reference?.close();
    }
  };
}
