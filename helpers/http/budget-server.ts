import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Budget, RequestBudget, type WindowUse } from "./budget";
import { peakInWindow, type RequestAccounting } from "./request-accounting";

/**
 * One request budget for the whole run. Workers are separate processes, so the budget lives in a tiny
 * loopback HTTP server in Playwright's main process (started by global setup) and workers lease from
 * it. A lease is a few requests that must be sent within `holdMs`; they count as sent at its end, so
 * leasing never lets more than the budget reach the deployment in any window.
 */

interface LeaseReply {
  granted: number;
  /** Epoch ms (same machine, same clock): the granted requests must be sent before then. */
  validUntil: number;
  /** What the budget counts them at: names the lease when its unsent requests are handed back. */
  stamp: number;
}

export interface BudgetServer {
  url: string;
  /** Stops serving; what the run sent, against its budget. */
  close(): Promise<RequestAccounting>;
}

export async function startBudgetServer(
  budgetPerWindow: number,
  windowSeconds: number,
): Promise<BudgetServer> {
  const windowMs = windowSeconds * 1000;
  // Big leases only where the budget is roomy. A hold covers the lease's way to the worker and its
  // sending; it stretches the window the budget counts in, so it is short, shorter for single requests.
  const leaseSize = Math.min(10, Math.max(1, Math.floor(budgetPerWindow / 40)));
  const holdMs = Math.min(leaseSize > 1 ? 500 : 150, windowMs / 20);
  const budget = new RequestBudget(budgetPerWindow, windowMs, holdMs);
  const sent: number[] = [];
  const unbudgeted: number[] = [];
  let throttled = 0;
  const windowUse = async (): Promise<WindowUse> => {
    const t = Date.now();
    const recent = unbudgeted.filter((sentAt) => sentAt > t - windowMs);
    const own = await budget.windowUse();
    return {
      ...own,
      requests: own.requests + recent.length,
      clearInMs: Math.max(own.clearInMs, recent.length ? Math.max(...recent) + windowMs - t : 0),
    };
  };
  const routes: Record<string, (body: Report) => Promise<unknown> | unknown> = {
    "/lease": async (body) => {
      record(body);
      // Whole leases while the window has room; single requests as it fills, so none go to waste.
      const want = Math.min(leaseSize, Math.floor((budgetPerWindow - budget.inWindow()) / 4));
      const { granted, stamp } = await budget.lease(want);
      return { granted, validUntil: Date.now() + holdMs, stamp } satisfies LeaseReply;
    },
    "/report": (body) => record(body),
    "/window": () => windowUse(),
    "/throttled": () => {
      throttled++;
      return windowUse();
    },
  };
  function record(body: Report): void {
    sent.push(...(body.sent ?? []));
    unbudgeted.push(...(body.unbudgeted ?? []));
    if (body.unsent) budget.refund(body.unsent.stamp, body.unsent.count);
  }
  const server = createServer((request, response) => {
    const route = routes[request.url ?? ""];
    if (!route || request.method !== "POST") return reply(response, 404, { error: "no such route" });
    readJson(request)
      .then((body) => route(body as Report))
      .then((result) => reply(response, 200, result ?? {}))
      .catch((error: unknown) => reply(response, 400, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() =>
          resolve({
            total: sent.length + unbudgeted.length,
            rateLimitChecks: unbudgeted.length,
            peak: peakInWindow(sent, windowMs),
            budget: budgetPerWindow,
            windowSeconds,
            throttled,
          }),
        );
        server.closeAllConnections();
      }),
  };
}

/** Send times (epoch ms) a worker reports: budgeted ones, or the rate-limit checks' own. */
interface Report {
  sent?: number[];
  unbudgeted?: number[];
  /** Part of an earlier lease that will never be sent (it expired, or the worker is done). */
  unsent?: { stamp: number; count: number };
}

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      text += chunk;
    });
    request.on("end", () => {
      try {
        resolve(text ? JSON.parse(text) : {});
      } catch (error) {
        reject(error);
      }
    });
    request.on("error", reject);
  });
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
  });
  response.end(text);
}

/**
 * A worker's side of the run's budget. `paced`: waits for its lease (every request but the rate-limit
 * burst). Unpaced: only counts, for the rate-limit checks, which trip the limit on purpose.
 */
export class SharedBudget implements Budget {
  total = 0;
  private tokens = 0;
  private validUntil = 0;
  private stamp = 0;
  private leasing?: Promise<void>;
  /** Send times not yet reported to the server. */
  private unreported: number[] = [];

  constructor(
    private readonly url: string,
    private readonly paced = true,
  ) {}

  async take(): Promise<void> {
    if (this.paced) {
      while (!(this.tokens > 0 && Date.now() < this.validUntil)) {
        this.leasing ??= this.lease().finally(() => {
          this.leasing = undefined;
        });
        await this.leasing;
      }
      this.tokens--;
    }
    this.total++;
    this.unreported.push(Date.now());
  }

  windowUse(): Promise<WindowUse> {
    return this.post<WindowUse>("window", this.report());
  }

  /** A budgeted request met a 503: counted for the run's accounting; how full the window is. */
  throttled(): Promise<WindowUse> {
    return this.post<WindowUse>("throttled", this.report());
  }

  /** Reports the send times not yet reported (at the end of a worker, or after the burst). */
  async flush(): Promise<void> {
    if (this.unreported.length || this.tokens > 0) await this.post("report", this.report());
  }

  private async lease(): Promise<void> {
    const lease = await this.post<LeaseReply>("lease", this.report());
    this.tokens = lease.granted;
    this.validUntil = lease.validUntil;
    this.stamp = lease.stamp;
  }

  /** Send times since the last report, and what is left of an expired lease (or any, at the end). */
  private report(): Report {
    const times = this.unreported.splice(0);
    if (!this.paced) return { unbudgeted: times };
    const unsent = this.tokens > 0 ? { stamp: this.stamp, count: this.tokens } : undefined;
    this.tokens = 0;
    return { sent: times, unsent };
  }

  private async post<T>(route: string, body: Report): Promise<T> {
    const response = await fetch(new URL(route, this.url), { method: "POST", body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`the run's request budget answered ${response.status} to ${route}`);
    return (await response.json()) as T;
  }
}
