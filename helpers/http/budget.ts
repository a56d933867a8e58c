/** How much of the budget the current window holds: to tell a deployment's early throttling from our own excess. */
export interface WindowUse {
  /** Requests counted in the last window (budgeted ones and any the rate-limit checks sent). */
  requests: number;
  /** The budget per window. */
  budget: number;
  windowSeconds: number;
  /** In how many ms the window holds none of the budget's requests any more. */
  clearInMs: number;
}

/** What the client paces itself with: one request per `take()`. */
export interface Budget {
  /**
   * Resolves when one more request fits in the window, to the source address to send it from: its
   * lane's (helpers/http/lanes.ts); undefined for the system's choice.
   */
  take(): Promise<string | undefined>;
  /** Requests taken so far by this holder. */
  readonly total: number;
  /** How full the window of the source address `from` is. */
  windowUse(from?: string): Promise<WindowUse>;
  /** A request sent from `from` met a 503: counted for the run's accounting; how full its window is. */
  throttled(from?: string): Promise<WindowUse>;
}

/** The run's share of the deployment's limit: 80% of it, divided among shards that share one IP. */
export function runBudget(limit: number, shards = 1, safeFraction = 0.8): number {
  return Math.max(1, Math.floor((limit * safeFraction) / Math.max(1, shards)));
}

/**
 * Paces requests so the suite never trips the deployment's rate limit by accident: a sliding window
 * of at most `share` requests per `windowMs`. The run's one budget lives in the budget server
 * (helpers/http/budget-server.ts), which all workers lease from; a lone process can use one directly.
 */
export class RequestBudget implements Budget {
  /** When each taken request leaves the window's count (stamp + windowMs), oldest first. */
  private readonly stamps: number[] = [];
  total = 0;
  waitedMs = 0;

  constructor(
    readonly share: number,
    readonly windowMs: number,
    /** Taken requests may be sent up to this long after the grant (a lease), so they count as sent then. */
    readonly holdMs = 0,
  ) {}

  /** Requests counted in the window at `t`. */
  inWindow(t = Date.now()): number {
    while (this.stamps.length && this.stamps[0] <= t - this.windowMs) this.stamps.shift();
    return this.stamps.length;
  }

  /** Waits until one more request fits, and takes it; sent from the system's choice of address. */
  async take(): Promise<undefined> {
    await this.lease();
  }

  /** `take`, and the stamp the requests are counted at (to refund the unsent ones). */
  async lease(want = 1, now = Date.now): Promise<{ granted: number; stamp: number }> {
    for (;;) {
      const t = now();
      const free = this.share - this.inWindow(t);
      if (free > 0) {
        const granted = Math.min(free, Math.max(1, want));
        for (let i = 0; i < granted; i++) this.stamps.push(t + this.holdMs);
        this.total += granted;
        return { granted, stamp: t + this.holdMs };
      }
      const wait = Math.max(1, this.stamps[0] + this.windowMs - t + 1);
      this.waitedMs += wait;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Takes back `count` requests taken at `stamp` that were never sent (an expired or returned lease). */
  refund(stamp: number, count: number): void {
    for (let i = 0; i < count; i++) {
      const at = this.stamps.indexOf(stamp);
      if (at < 0) return;
      this.stamps.splice(at, 1);
      this.total--;
    }
  }

  async windowUse(): Promise<WindowUse> {
    const t = Date.now();
    const requests = this.inWindow(t);
    const clearInMs = requests ? this.stamps[requests - 1] + this.windowMs - t : 0;
    return { requests, budget: this.share, windowSeconds: this.windowMs / 1000, clearInMs };
  }

  throttled(): Promise<WindowUse> {
    return this.windowUse();
  }
}
