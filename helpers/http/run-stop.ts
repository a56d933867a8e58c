import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Requests in a row that got no answer in time before a worker calls the deployment unresponsive. */
export const TIMEOUTS_TO_STOP = 3;

/** The exit code of a run the deployment stopped answering: a setup-like problem, not a verdict. */
export const STOPPED_EXIT_CODE = 2;

export function runStopPath(reportsDir: string, runId: string): string {
  return join(reportsDir, ".ledger", `${runId}.stopped`);
}

/** A request the run did not send because the deployment stopped answering: the check is not run. */
export class RunStopped extends Error {
  override name = "RunStopped";
}

/**
 * The run-wide "stop" of a deployment that no longer answers (issue 16: a server trickling a byte a
 * second made a run last many minutes and lose checks to Playwright's test timeout). Any worker may
 * declare it; every worker sees it before its next request, and the main process ends the run with
 * STOPPED_EXIT_CODE after the reports are written. A file, since workers share nothing else cheaply.
 */
export class RunStop {
  private reason?: string;

  constructor(private readonly file: string) {}

  /** Why the run stopped, or undefined while it goes on. */
  stoppedBecause(): string | undefined {
    if (this.reason === undefined && existsSync(this.file)) this.reason = readFileSync(this.file, "utf8");
    return this.reason;
  }

  declare(reason: string): void {
    if (this.stoppedBecause() !== undefined) return;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, reason);
    this.reason = reason;
  }
}
