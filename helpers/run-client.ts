import type { Budget } from "./budget";
import { alteredToken } from "./checks/auth-cases";
import { type ClientOptions, WorkspaceClient } from "./client";
import type { HttpTransport } from "./http";
import { Redactor } from "./redaction";
import type { RunInfo } from "./run-info";
import { RunStop } from "./run-stop";

/** Every secret of the run, redacted by value wherever it would appear. */
export function runRedactor(run: Pick<RunInfo, "token" | "credentials" | "secondAccount">): Redactor {
  const redactor = new Redactor();
  redactor.add(run.token);
  redactor.add(run.credentials.password, run.credentials.user);
  if (run.secondAccount) redactor.add(run.secondAccount.password, run.secondAccount.user);
  // Sent by the auth matrix, and nearly the real token: redacted, but never reproduced as it.
  redactor.add(alteredToken(run.token), undefined, "[REDACTED: the token with one character changed]");
  return redactor;
}

/** A client for the run's target, with the run's session, paced by `budget`, its secrets redacted. */
export function runClient(
  http: HttpTransport,
  run: RunInfo,
  options: { timeoutMs: number; allowWrites: boolean; budget: Budget } & Pick<
    ClientOptions,
    "classifyThrottles" | "maxBodyBytes"
  >,
): WorkspaceClient {
  return new WorkspaceClient(http, {
    baseUrl: run.url,
    token: run.token,
    redactor: runRedactor(run),
    stop: new RunStop(run.stopFile),
    ...options,
  });
}
