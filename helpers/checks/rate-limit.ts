import { SCHEMA_BASE, schemaRegistry, violationsInWords } from "../contract/schemas";
import type { Exchange, RequestSpec } from "../http/client";
import { formatOfContentType, parseJson } from "../http/formats";
import { retryAfterSeconds } from "../http/throttle";
import type { CheckResult, Outcome } from "./check";

/*
 * The rate limit (basic concepts): "up to 500 requests per 10-second period from the same IP address
 * with one account. If you exceed this limit, a 503 response for the subsequent requests will be
 * received. Check the Retry-After header to see how many seconds to wait." The body and the keying
 * beyond that sentence are undocumented (../shared/api/workspace-api-facts.md §5). One burst feeds
 * every check: it is the one place the suite trips the limit, outside its request budget.
 */

export const RATE_LIMIT_RULES = {
  "limit-then-503":
    "The first WORKSPACE_RATE_LIMIT requests inside one WORKSPACE_RATE_WINDOW succeed; the next one gets 503.",
  "retry-after": "The 503 carries Retry-After: a whole number of seconds, not more than the window.",
  "error-envelope":
    "The 503's body, if any, is the error envelope in the negotiated format (informational: the body is undocumented).",
  recovery: "Waiting what Retry-After said is enough: the next request succeeds.",
  "keyed-per-account":
    "The limit is per IP and account: a throttled account does not throttle another one from the same IP.",
} as const;
export type RateLimitCheck = keyof typeof RATE_LIMIT_RULES;

/** A cheap authenticated read, negotiated as JSON: the burst's request. */
export const BURST_REQUEST: RequestSpec = { method: "GET", path: "api/2.0/people/@self.json" };

export interface RateLimitSettings {
  limit: number;
  windowSeconds: number;
  /** Requests the run sent in the window just before the burst; they count towards the same limit. */
  earlier: number;
}

const isRefusal = (status: number | undefined) => status === 503 || status === 429;
const isSuccess = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

export interface Burst {
  sent: number;
  /** Requests that succeeded, up to and including the batch of the first refusal. */
  succeeded: number;
  firstSentAt: number;
  ms: number;
  firstSuccess?: Exchange;
  /** The first 503 (or other refusal, such as 429). */
  refusal?: Exchange;
  refusedAt?: number;
  /** A response that is neither a success nor a refusal: the burst stopped there. */
  unexpected?: Exchange;
}

/**
 * Concurrent batches over one connection pool until the first refusal: fast enough to land in one
 * window, bounded by one batch past the limit and by one window's time, so it ends when no 503 comes.
 */
export async function sendBurst(send: () => Promise<Exchange>, settings: RateLimitSettings): Promise<Burst> {
  const batch = Math.min(100, Math.max(5, Math.ceil(settings.limit / 5)));
  const burst: Burst = { sent: 0, succeeded: 0, firstSentAt: Date.now(), ms: 0 };
  while (
    burst.sent < settings.limit + batch &&
    Date.now() - burst.firstSentAt < settings.windowSeconds * 1000
  ) {
    const size = Math.min(batch, settings.limit + batch - burst.sent);
    burst.sent += size;
    const exchanges = await Promise.all(
      Array.from({ length: size }, async () => ({ exchange: await send(), at: Date.now() })),
    );
    for (const { exchange, at } of exchanges) {
      const status = exchange.response?.status;
      if (isSuccess(status)) {
        burst.succeeded++;
        burst.firstSuccess ??= exchange;
      } else if (isRefusal(status)) {
        if (!burst.refusal) Object.assign(burst, { refusal: exchange, refusedAt: at });
      } else burst.unexpected ??= exchange;
    }
    if (burst.refusal || burst.unexpected) break;
  }
  burst.ms = Date.now() - burst.firstSentAt;
  return burst;
}

export interface Recovery {
  waitedSeconds: number;
  /** Why it waited that long. */
  because: string;
  exchange: Exchange;
  /** When the request after the wait was answered. */
  at: number;
}

/** Waits what Retry-After said (at most one window; the window if it said nothing usable), then asks again. */
export async function recover(
  send: () => Promise<Exchange>,
  burst: Burst,
  settings: RateLimitSettings,
): Promise<Recovery | undefined> {
  if (!burst.refusal || burst.refusedAt === undefined) return undefined;
  const said = retryAfterSeconds(burst.refusal.response?.headers["retry-after"]);
  const waitedSeconds = Math.min(said ?? settings.windowSeconds, settings.windowSeconds);
  const because =
    said === undefined
      ? `no usable Retry-After, so one window (${settings.windowSeconds} s)`
      : said > settings.windowSeconds
        ? `Retry-After ${said} s is longer than the window, so the window`
        : `Retry-After: ${said}`;
  const pause = burst.refusedAt + waitedSeconds * 1000 - Date.now();
  if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
  const exchange = await send();
  return { waitedSeconds, because, exchange, at: Date.now() };
}

export interface Keying {
  /** The second account's request, sent while the first one is throttled. */
  second: Exchange;
  /** The first account again, right after: proves the throttle was still on. */
  control: Exchange;
}

function result(
  check: RateLimitCheck,
  outcome: Outcome,
  found: { expected: unknown; given: unknown; why: string },
  exchanges: (Exchange | undefined)[],
): CheckResult {
  return {
    id: `rate-limit.burst/rate-limit.${check}`,
    section: "rate-limit",
    operation: "burst",
    family: "rate-limit",
    check,
    rule: RATE_LIMIT_RULES[check],
    outcome,
    ...found,
    exchanges: exchanges.filter((e): e is Exchange => e !== undefined),
    ...(check === "error-envelope" && { informational: true as const }),
  };
}

const statusOf = (exchange: Exchange | undefined) =>
  exchange?.response
    ? `${exchange.response.status}${exchange.response.headers["retry-after"] !== undefined ? ` (Retry-After: ${exchange.response.headers["retry-after"]})` : ""}`
    : `no response: ${exchange?.error ?? "not sent"}`;

/** What the burst showed, for the report: the limit and window as observed. */
export function observed(burst: Burst, recovery: Recovery | undefined) {
  return {
    succeeded: burst.succeeded,
    sent: burst.sent,
    burstMs: burst.ms,
    firstRefusal: burst.refusal ? statusOf(burst.refusal) : "none",
    // An upper bound: the block had ended by then, counted from the burst's first request.
    windowEndedWithinSeconds:
      recovery && isSuccess(recovery.exchange.response?.status)
        ? Math.round((recovery.at - burst.firstSentAt) / 100) / 10
        : undefined,
  };
}

export function limitResult(
  burst: Burst,
  recovery: Recovery | undefined,
  settings: RateLimitSettings,
): CheckResult {
  const { limit, windowSeconds, earlier } = settings;
  const expected = `${limit} requests per ${windowSeconds} s succeed (${earlier} of them sent just before the burst), then 503`;
  const given = { ...observed(burst, recovery), earlierInWindow: earlier };
  const evidence = [burst.firstSuccess, burst.refusal ?? burst.unexpected];
  const seconds = (burst.ms / 1000).toFixed(1);
  const verdict = (outcome: Outcome, why: string) =>
    result("limit-then-503", outcome, { expected, given, why }, evidence);
  if (burst.unexpected)
    return verdict("failed", `the burst got ${statusOf(burst.unexpected)}, neither a success nor 503`);
  if (!burst.refusal) {
    if (burst.ms >= windowSeconds * 1000)
      return verdict(
        "inconclusive",
        `the burst could not land in one window: ${burst.sent} requests took ${seconds} s (window ${windowSeconds} s)`,
      );
    return verdict(
      "failed",
      `all ${burst.sent} requests in ${seconds} s succeeded: no 503 after ${limit} per ${windowSeconds} s`,
    );
  }
  const status = burst.refusal.response?.status;
  if (status !== 503)
    return verdict("failed", `refused with ${status}, not 503, after ${burst.succeeded} requests`);
  // The run's logins (this run's and the second account's) may count towards the same limit too.
  const fewest = limit - earlier - 2;
  if (burst.succeeded < fewest)
    return verdict(
      "failed",
      `throttled after ${burst.succeeded} requests (+${earlier} sent just before), below the documented ${limit} per ${windowSeconds} s`,
    );
  if (burst.succeeded > limit)
    return verdict(
      "failed",
      `${burst.succeeded} requests succeeded in ${seconds} s before the first 503: more than ${limit}`,
    );
  return verdict(
    "passed",
    `503 after ${burst.succeeded} requests in ${seconds} s (+${earlier} sent just before)`,
  );
}

export const noRefusal = "no request was refused, so there is nothing to check";

export function retryAfterResult(burst: Burst, settings: RateLimitSettings): CheckResult {
  const expected = `Retry-After: a whole number of seconds, at most ${settings.windowSeconds}`;
  const verdict = (outcome: Outcome, given: unknown, why: string) =>
    result("retry-after", outcome, { expected, given, why }, [burst.refusal]);
  if (!burst.refusal) return verdict("skipped", "no refusal", noRefusal);
  const value = burst.refusal.response?.headers["retry-after"];
  if (value === undefined) return verdict("failed", "no Retry-After", "the 503 has no Retry-After header");
  const seconds = retryAfterSeconds(value);
  if (seconds === undefined)
    return verdict("failed", value, `Retry-After "${value}" is not a whole number of seconds`);
  if (seconds > settings.windowSeconds)
    return verdict(
      "failed",
      value,
      `Retry-After ${seconds} s is longer than the ${settings.windowSeconds} s window`,
    );
  return verdict("passed", value, `Retry-After: ${seconds}`);
}

export function errorEnvelopeResult(burst: Burst): CheckResult {
  const expected = "no body, or the JSON error envelope with statusCode 503 (the request asked for .json)";
  const verdict = (outcome: Outcome, given: unknown, why: string) =>
    result("error-envelope", outcome, { expected, given, why }, [burst.refusal]);
  const response = burst.refusal?.response;
  if (!response) return verdict("skipped", "no refusal", noRefusal);
  const type = response.headers["content-type"];
  const given = `${response.status} ${type ?? "(no Content-Type)"}, ${response.body.length} bytes`;
  if (response.body.trim() === "") return verdict("passed", given, "no body");
  if (formatOfContentType(type) !== "json")
    return verdict("failed", given, "the .json request got a body that is not JSON");
  const parsed = parseJson(response.body);
  if (!parsed.ok) return verdict("failed", given, `the body is ${parsed.why}`);
  const violations = schemaRegistry().validate(`${SCHEMA_BASE}envelope/error.json`, parsed.value);
  if (violations.length)
    return verdict("failed", given, `not the error envelope: ${violationsInWords(violations)}`);
  const statusCode = (parsed.value as { statusCode?: unknown }).statusCode;
  if (statusCode !== response.status)
    return verdict(
      "failed",
      given,
      `the envelope's statusCode is ${JSON.stringify(statusCode)}, not ${response.status}`,
    );
  return verdict("passed", given, "the error envelope");
}

export function recoveryResult(burst: Burst, recovery: Recovery | undefined): CheckResult {
  const expected = "a success after waiting what Retry-After said";
  if (!recovery) return result("recovery", "skipped", { expected, given: "no refusal", why: noRefusal }, []);
  const given = `${statusOf(recovery.exchange)} after waiting ${recovery.waitedSeconds} s (${recovery.because})`;
  const verdict = (outcome: Outcome, why: string) =>
    result("recovery", outcome, { expected, given, why }, [burst.refusal, recovery.exchange]);
  if (isSuccess(recovery.exchange.response?.status))
    return verdict("passed", `recovered after ${recovery.waitedSeconds} s`);
  return verdict(
    "failed",
    `still refused after waiting ${recovery.waitedSeconds} s (${recovery.because}): ${statusOf(recovery.exchange)}`,
  );
}

export function keyingResult(burst: Burst, keying: Keying | string): CheckResult {
  const expected = "the second account succeeds while the first is throttled";
  if (typeof keying === "string")
    return result("keyed-per-account", "skipped", { expected, given: keying, why: keying }, []);
  const given = `second account: ${statusOf(keying.second)}; first account right after: ${statusOf(keying.control)}`;
  const verdict = (outcome: Outcome, why: string) =>
    result("keyed-per-account", outcome, { expected, given, why }, [
      burst.refusal,
      keying.second,
      keying.control,
    ]);
  const secondOk = isSuccess(keying.second.response?.status);
  if (!secondOk && isRefusal(keying.second.response?.status))
    return verdict("failed", "the second account was throttled too: the limit is keyed on the IP alone");
  if (!secondOk) return verdict("failed", `the second account's request got ${statusOf(keying.second)}`);
  if (!isRefusal(keying.control.response?.status))
    return verdict(
      "inconclusive",
      "the first account was no longer throttled, so the second's success proves nothing",
    );
  return verdict("passed", "the second account was served while the first was throttled");
}
