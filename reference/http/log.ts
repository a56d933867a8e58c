import type { IncomingMessage } from "node:http";

/**
 * A request that failed unexpectedly (an aborted upload, a bug), on stderr. Query values are left
 * out: a login may carry its credentials there (`?userName=...&password=...`).
 */
export function logFailure(request: IncomingMessage, reason: string): void {
  const [path, query] = (request.url ?? "").split("?", 2);
  const names =
    query === undefined
      ? ""
      : `?${[...new URLSearchParams(query).keys()].map((name) => `${name}=…`).join("&")}`;
  console.error(`reference: ${request.method} ${path}${names} failed: ${reason}`);
}
