import type { ActiveFaults } from "./faults";
import { ApiError } from "./http/errors";

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/**
 * Basic concepts: "up to N requests per W-second period from the same IP address with one
 * account", then 503 with Retry-After. A sliding-window log per key; refused requests are not logged.
 * The rate-limit faults (faults/rate-limit.ts) hook in here.
 */
export class RateLimiter {
  private readonly logs = new Map<string, number[]>();
  /** block-outlasts-retry-after: refused until then, whatever Retry-After said. */
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowSeconds: number,
    private readonly faults: ActiveFaults,
  ) {}

  admit(ip: string, account: string, nowMs: number): Admission {
    if (this.faults.has("no-rate-limit")) return { admitted: true };
    const key = this.faults.has("rate-limit-keyed-on-ip") ? ip : `${ip}|${account}`;
    const limit = this.faults.has("throttles-early") ? Math.max(1, Math.floor(this.limit / 10)) : this.limit;
    const windowMs = this.windowSeconds * 1000;
    const log = (this.logs.get(key) ?? []).filter((admittedAt) => admittedAt > nowMs - windowMs);
    this.logs.set(key, log);
    const blocked = (this.blockedUntil.get(key) ?? 0) > nowMs;
    if (log.length < limit && !blocked) {
      log.push(nowMs);
      return { admitted: true };
    }
    const oldest = log[0] ?? nowMs;
    const seconds = Math.ceil((oldest + windowMs - nowMs) / 1000);
    const retryAfterSeconds = Math.max(1, Math.min(Math.ceil(this.windowSeconds), seconds));
    if (this.faults.has("block-outlasts-retry-after") && !blocked)
      this.blockedUntil.set(key, nowMs + retryAfterSeconds * 1000 + windowMs);
    return { admitted: false, retryAfterSeconds };
  }

  /** The answer to a refused request: 503 with Retry-After. */
  refusal(admission: { retryAfterSeconds: number }): ApiError {
    const status = this.faults.has("rate-limit-429") ? 429 : 503;
    const headers: Record<string, string> = this.faults.has("no-retry-after")
      ? {}
      : { "Retry-After": String(admission.retryAfterSeconds) };
    return new ApiError(status, "Too many requests", headers);
  }
}
