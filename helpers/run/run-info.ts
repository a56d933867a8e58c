import { RunStop } from "../http/run-stop";
import { type Fingerprint, publishedFingerprint } from "./fingerprint";

/**
 * Facts of this run that global setup establishes once (the target, the session, the run id) and
 * every worker reads: handed over in the environment, which workers inherit and reports never show.
 */
export interface RunInfo {
  /** The portal root being tested (the embedded reference's own URL when WORKSPACE_URL is unset). */
  url: string;
  embedded: boolean;
  token: string;
  /** The account the run signed in with; the login checks sign in again (redacted by value everywhere). */
  credentials: { user: string; password: string };
  runId: string;
  /** Every record the run creates is named with this prefix, so leftovers are recognisable. */
  namePrefix: string;
  rateLimit: { limit: number; windowSeconds: number };
  /** The run's one request budget, shared by every worker (helpers/http/budget-server.ts). */
  budgetUrl: string;
  /** The rate-limit checks' own source address, which no lane of the budget uses (embedded only). */
  burstFrom?: string;
  /** Another account, for the rate-limit checks' keying (the reference's seeded user when embedded). */
  secondAccount?: { user: string; password: string };
  /** What is being tested, for every report (helpers/run/fingerprint.ts). */
  fingerprint: Fingerprint;
  /** The run ledger: every record the run creates, until it is removed (helpers/run/run-ledger.ts). */
  ledgerFile: string;
  /** Written when the deployment stops answering (helpers/http/run-stop.ts): the run then sends nothing more. */
  stopFile: string;
}

const VARIABLE = "WC_RUN_INFO";

export function writeRunInfo(info: RunInfo, env: NodeJS.ProcessEnv = process.env): void {
  env[VARIABLE] = JSON.stringify(info);
}

export function readRunInfo(env: NodeJS.ProcessEnv = process.env): RunInfo {
  const raw = env[VARIABLE];
  if (!raw)
    throw new Error(
      `${VARIABLE} is not set: run the suite with "npm run conformance" (its global setup logs in).`,
    );
  return JSON.parse(raw) as RunInfo;
}

export function newRunId(): string {
  return Date.now().toString(36).slice(-5) + Math.random().toString(36).slice(2, 5);
}

/**
 * This run's fingerprint, for reporters in Playwright's main process (undefined before global setup).
 * `npx playwright merge-reports` runs no global setup: there it is read back from the metadata the
 * shards published (`metadata`, the config's).
 */
export function runFingerprint(
  metadata: Record<string, unknown> = {},
  env: NodeJS.ProcessEnv = process.env,
): Fingerprint | undefined {
  return env[VARIABLE] ? readRunInfo(env).fingerprint : publishedFingerprint(metadata);
}

/** Why this run stopped, for the main process once the tests are over; undefined when it did not. */
export function stopOfRun(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[VARIABLE] ? new RunStop(readRunInfo(env).stopFile).stoppedBecause() : undefined;
}
