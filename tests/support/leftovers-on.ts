import { RequestBudget, runBudget } from "../../helpers/http/budget";
import { WorkspaceClient } from "../../helpers/http/client";
import { HttpTransport } from "../../helpers/http/http";
import { Redactor } from "../../helpers/http/redaction";
import { login } from "../../helpers/http/session";
import { findLeftovers } from "../../helpers/run/leftovers";
import { REFERENCE_ADMIN, type RunningReference } from "../../reference";

/**
 * The reference's records named wc-..., listed through its API as `npm run sweep` lists them, paced
 * to the reference's rate limit where the test set one (a list a kind: more than a tight window holds).
 */
export async function leftoversOn(
  reference: RunningReference,
  rateLimit = { limit: 1250, windowSeconds: 1 },
): Promise<string[]> {
  const http = new HttpTransport();
  try {
    // headroom: the reference answers in milliseconds; a timeout only ends a request that never would.
    const timeoutMs = 30_000;
    const { token } = await login(
      http,
      reference.url,
      REFERENCE_ADMIN.user,
      REFERENCE_ADMIN.password,
      timeoutMs,
    );
    const client = new WorkspaceClient(http, {
      baseUrl: reference.url,
      token,
      timeoutMs,
      allowWrites: false,
      budget: new RequestBudget(runBudget(rateLimit.limit), rateLimit.windowSeconds * 1000),
      redactor: new Redactor(),
    });
    // Every list, those with effects too (the calendars'): the reference is the test's own.
    const list = async () =>
      (await findLeftovers(client, undefined, { listsWithEffects: true })).map((l) => `${l.kind} ${l.name}`);
    // A run under a tight rate limit may have used this account's window: wait for the documented
    // 10 s window to pass whole, at most twice. (A second at a time, each try spent what the window
    // had freed, and a listing of every kind never found enough of it.)
    for (let waited = 0; ; waited++) {
      try {
        return await list();
      } catch (error) {
        if (!/status 503/.test((error as Error).message) || waited === 2) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10_000));
      }
    }
  } finally {
    http.close();
  }
}

/** Requests that change something, the login aside: none may reach a deployment without WORKSPACE_ALLOW_WRITES. */
export function writesReceived(reference: RunningReference): string[] {
  return reference
    .requests()
    .filter((r) => r.method !== "GET" && !/\/api\/2\.0\/authentication(\.json|\.xml)?$/.test(r.path))
    .map((r) => `${r.method} ${r.path}`);
}
