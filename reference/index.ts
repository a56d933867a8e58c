import type { IncomingMessage } from "node:http";
import { describeSettings } from "./generic/settings";
import { describeChanges } from "./generic/writes";
import { createInstance } from "./instance";
import { type ReferenceOptions, resolveOptions } from "./options";
import { close, createReferenceServer, listen } from "./server";
import { ADMIN_PASSWORD, USER_PASSWORD } from "./store/seed";

export { FAULTS } from "./faults";
export { type EmptyPortal, parseEmpty, type ReferenceOptions } from "./options";
export { VARIANTS } from "./variants";

/** What `requests()` remembers (the newest requests, each path cut short): a long-lived reference stays small. */
export const REMEMBERED_REQUESTS = 10_000;
export const REMEMBERED_PATH_CHARS = 512;

export interface RunningReference {
  /** Portal root including the prefix, ending with "/", e.g. http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  close(): Promise<void>;
  /** The requests received, method and path, newest last (at most REMEMBERED_REQUESTS): for self-tests that count what the suite sent. */
  requests(): { method: string; path: string }[];
  /** Tokens of the sessions still open: for self-tests that search reports for them. */
  issuedTokens(): string[];
  /**
   * What writes changed in the collections served from data, in words: records created and still
   * there, seeded records changed or deleted. Empty after a run that left nothing behind.
   */
  dataChanges(): string[];
}

/** The seeded admin; signing in with the email admin@reference.test works too. */
export const REFERENCE_ADMIN: { user: string; password: string } = {
  user: "administrator",
  password: ADMIN_PASSWORD,
};

/** A seeded user who is not an administrator: a second account, for the rate limit's keying. */
export const REFERENCE_USER: { user: string; password: string } = {
  user: "james.carter",
  password: USER_PASSWORD,
};

/** Starts a reference deployment with its own freshly seeded store. */
export async function startReference(options?: ReferenceOptions): Promise<RunningReference> {
  const resolved = resolveOptions(options);
  const instance = createInstance(resolved);
  const received: { method: string; path: string }[] = [];
  const server = createReferenceServer(instance);
  server.on("request", (request: IncomingMessage) => {
    const path = (request.url ?? "").split("?")[0];
    received.push({
      method: request.method ?? "",
      path: path.length > REMEMBERED_PATH_CHARS ? `${path.slice(0, REMEMBERED_PATH_CHARS)}…` : path,
    });
    if (received.length > REMEMBERED_REQUESTS) received.shift();
  });
  const port = await listen(server, resolved.port, resolved.host);
  const host = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  return {
    url: `http://${host}:${port}${resolved.prefix}/`,
    port,
    close: () => close(server),
    requests: () => [...received],
    issuedTokens: () => [...instance.store.sessions.keys()],
    dataChanges: () => [...describeChanges(instance.store), ...describeSettings(instance.store)],
  };
}
