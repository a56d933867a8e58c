export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/**
 * Basic concepts: "up to N requests per W-second period from the same IP address with one
 * account", then 503 with Retry-After. A sliding-window log per key; refused requests are not logged.
 */
export class RateLimiter {
  private readonly logs = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowSeconds: number,
  ) {}

  admit(key: string, nowMs: number): Admission {
    const windowMs = this.windowSeconds * 1000;
    const log = (this.logs.get(key) ?? []).filter((admittedAt) => admittedAt > nowMs - windowMs);
    if (log.length < this.limit) {
      log.push(nowMs);
      this.logs.set(key, log);
      return { admitted: true };
    }
    this.logs.set(key, log);
    const oldest = log[0] ?? nowMs;
    const seconds = Math.ceil((oldest + windowMs - nowMs) / 1000);
    return {
      admitted: false,
      retryAfterSeconds: Math.max(1, Math.min(Math.ceil(this.windowSeconds), seconds)),
    };
  }
}
