/** What the run sent, against its budget: for checks.json and the console's verdict line. */
export interface RequestAccounting {
  /** Every request the tests sent, the rate-limit checks' included (global setup's login and look-ups are not). */
  total: number;
  /** Sent by the rate-limit checks outside the budget: they trip the limit on purpose. */
  rateLimitChecks: number;
  /** The most budgeted requests sent in any window of `windowSeconds`, from the busiest lane. */
  peak: number;
  /** Budgeted requests allowed per window, in each lane. */
  budget: number;
  /** Source addresses, each with its own window of `budget` (helpers/http/lanes.ts): 1 but on the embedded reference. */
  lanes: number;
  windowSeconds: number;
  /** 503s that budgeted requests met: each failed its check or was retried once with a note. */
  throttled: number;
}

/** The most of `times` (ms, any order) inside any window of `windowMs`. */
export function peakInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while (sorted[first] <= sorted[last] - windowMs) first++;
    peak = Math.max(peak, last - first + 1);
  }
  return peak;
}

/**
 * `258 requests (41 by the rate-limit checks); peak 150 in 10 s of a 400 budget (38%); 0 throttled`;
 * with lanes: `peak 150 in 10 s of a 400 budget per lane, 20 lanes (38%)`.
 */
export function describeAccounting(a: RequestAccounting): string {
  const checks = a.rateLimitChecks ? ` (${a.rateLimitChecks} by the rate-limit checks)` : "";
  const used = Math.round((a.peak / a.budget) * 100);
  const lanes = a.lanes > 1 ? ` per lane, ${a.lanes} lanes` : "";
  return `${a.total} requests${checks}; peak ${a.peak} in ${a.windowSeconds} s of a ${a.budget} budget${lanes} (${used}%); ${a.throttled} throttled`;
}

// Global teardown and the reporters share Playwright's main process; the accounting is handed over
// in its environment, as RunInfo is.
const VARIABLE = "WC_REQUEST_ACCOUNTING";

export function publishAccounting(accounting: RequestAccounting, env: NodeJS.ProcessEnv = process.env): void {
  env[VARIABLE] = JSON.stringify(accounting);
}

/** Undefined when the run ended before global teardown closed the budget. */
export function readAccounting(env: NodeJS.ProcessEnv = process.env): RequestAccounting | undefined {
  const raw = env[VARIABLE];
  return raw ? (JSON.parse(raw) as RequestAccounting) : undefined;
}
