import type { Budget } from "../http/budget";
import { type ClientOptions, WorkspaceClient } from "../http/client";
import type { HttpTransport } from "../http/http";
import { Redactor } from "../http/redaction";
import { RunStop } from "../http/run-stop";
import type { RunInfo } from "./run-info";

/**
 * The run's token with its middle character changed (a digit or letter to the next one of its
 * kind, anything else to "A"): the right shape, not a valid token, sent by the auth matrix
 * (helpers/checks/auth-cases.ts). It derives from the real token, so it is one of the run's secrets.
 */
export function alteredToken(token: string): string {
  const at = Math.floor(token.length / 2);
  const char = token[at] ?? "";
  const wrap: Record<string, string> = { "9": "0", z: "a", Z: "A" };
  const next = /[0-8a-yA-Y]/.test(char) ? String.fromCharCode(char.charCodeAt(0) + 1) : (wrap[char] ?? "A");
  return token.slice(0, at) + next + token.slice(at + 1);
}

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
