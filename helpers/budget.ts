/**
 * Paces requests so the suite never trips the deployment's rate limit by accident: a sliding window
 * of at most `share` requests per `windowMs` in this process. Each worker gets its share of a safe
 * fraction of the documented limit (500 requests per 10 s per IP and account).
 */
export class RequestBudget {
  private readonly sent: number[] = [];
  total = 0;
  waitedMs = 0;

  constructor(
    readonly share: number,
    readonly windowMs: number,
  ) {}

  static forWorker(limit: number, windowSeconds: number, workers: number, safeFraction = 0.8): RequestBudget {
    return new RequestBudget(
      Math.max(1, Math.floor((limit * safeFraction) / Math.max(1, workers))),
      windowSeconds * 1000,
    );
  }

  /** Resolves when one more request fits in the window. */
  async take(now = Date.now): Promise<void> {
    for (;;) {
      const t = now();
      while (this.sent.length && this.sent[0] <= t - this.windowMs) this.sent.shift();
      if (this.sent.length < this.share) {
        this.sent.push(t);
        this.total++;
        return;
      }
      const wait = this.sent[0] + this.windowMs - t + 1;
      this.waitedMs += wait;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
