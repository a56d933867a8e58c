import type { WindowUse } from "./budget";

/**
 * What a 503 means outside the rate-limit checks. Basic concepts: past the limit "a 503 response for
 * the subsequent requests will be received. Check the Retry-After header to see how many seconds to
 * wait". The suite paces itself below that limit, so a throttle while it kept its budget is the
 * deployment's fault; past its budget (only the rate-limit checks' burst does that) it waits and retries.
 */
export type ThrottleDecision =
  | { kind: "throttled-early"; why: string }
  | { kind: "retry"; waitMs: number; note: string }
  | { kind: "not-a-throttle"; note: string };

/** Retry-After as the documentation means it: whole seconds. Undefined when absent or another form. */
export function retryAfterSeconds(value: string | undefined): number | undefined {
  return value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

export function classifyThrottle(retryAfter: string | undefined, use: WindowUse): ThrottleDecision {
  const window = `${use.requests} requests in the last window, budget ${use.budget}`;
  if (retryAfter === undefined) {
    return {
      kind: "not-a-throttle",
      note: `503 without Retry-After (${window}): not the rate limit's answer, which carries Retry-After; not retried`,
    };
  }
  if (use.requests <= use.budget) {
    return {
      kind: "throttled-early",
      why: `the deployment throttled early (${window}): 503 with Retry-After: ${retryAfter}`,
    };
  }
  // A number of seconds, at most one window; anything else (an HTTP date) waits one window.
  const given = retryAfterSeconds(retryAfter) ?? use.windowSeconds;
  const seconds = Math.min(given, use.windowSeconds);
  return {
    kind: "retry",
    waitMs: seconds * 1000,
    note: `503 with Retry-After: ${retryAfter} after ${window} (the suite was over its budget): waited ${seconds} s and retried once`,
  };
}
