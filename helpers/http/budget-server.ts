import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Budget, RequestBudget, type WindowUse } from "./budget";
import { peakInWindow, type RequestAccounting } from "./request-accounting";

/**
 * One request budget for the whole run. Workers are separate processes, so the budget lives in a tiny
 * loopback HTTP server in Playwright's main process (started by global setup) and workers lease from
 * it. A lease is a few requests that must be sent within `holdMs`; they count as sent at its end, so
 * leasing never lets more than the budget reach the deployment in any window. The budget has lanes
 * (helpers/http/lanes.ts), each a source address with its own window of the budget: a lease names
 * its lane, and its requests are sent from that address.
 */

interface LeaseReply {
  granted: number;
  /** Epoch ms (same machine, same clock): the granted requests must be sent before then. */
  validUntil: number;
  /** What the budget counts them at: names the lease when its unsent requests are handed back. */
  stamp: number;
  /** The lease's lane: the address its requests are sent from (absent: the system's choice). */
  from?: string;
}

/** One lane of the budget: a source address and its own window. */
interface Lane {
  address?: string;
  budget: RequestBudget;
  /** Send times of its budgeted requests (epoch ms), for the accounting. */
  sent: number[];
}

export interface BudgetServer {
  url: string;
  /** Stops serving; what the run sent, against its budget. */
  close(): Promise<RequestAccounting>;
}

/** `budgetPerWindow` is each lane's; `laneAddresses` (helpers/http/lanes.ts) are the lanes' sources. */
export async function startBudgetServer(
  budgetPerWindow: number,
  windowSeconds: number,
  laneAddresses: readonly (string | undefined)[] = [undefined],
): Promise<BudgetServer> {
  const windowMs = windowSeconds * 1000;
  // Big leases only where the budget is roomy. A hold covers the lease's way to the worker and its
  // sending; it stretches the window the budget counts in, so it is short, shorter for single requests.
  const leaseSize = Math.min(10, Math.max(1, Math.floor(budgetPerWindow / 40)));
  const holdMs = Math.min(leaseSize > 1 ? 500 : 150, windowMs / 20);
  const lanes: Lane[] = laneAddresses.map((address) => ({
    address,
    budget: new RequestBudget(budgetPerWindow, windowMs, holdMs),
    sent: [],
  }));
  const laneFrom = (from: string | undefined) => lanes.find((lane) => lane.address === from);
  const room = (lane: Lane) => budgetPerWindow - lane.budget.inWindow();
  /** Unbudgeted send times (the rate-limit checks'), by source address. */
  const unbudgeted: { from?: string; at: number }[] = [];
  let throttled = 0;
  /** The window of one source address: its lane's (if it is one) and the unbudgeted requests sent from it. */
  const windowUse = async (from: string | undefined): Promise<WindowUse> => {
    const t = Date.now();
    const recent = unbudgeted.filter((u) => u.from === from && u.at > t - windowMs).map((u) => u.at);
    const own = (await laneFrom(from)?.budget.windowUse()) ?? {
      requests: 0,
      budget: budgetPerWindow,
      windowSeconds,
      clearInMs: 0,
    };
    return {
      ...own,
      requests: own.requests + recent.length,
      clearInMs: Math.max(own.clearInMs, recent.length ? Math.max(...recent) + windowMs - t : 0),
    };
  };
  const routes: Record<string, (body: Report) => Promise<unknown> | unknown> = {
    "/lease": async (body) => {
      record(body);
      // From the lane with the most room (the first of equals). Whole leases while its window has
      // room; single requests as it fills, so none go to waste.
      const lane = lanes.reduce((best, next) => (room(next) > room(best) ? next : best));
      const want = Math.min(leaseSize, Math.floor(room(lane) / 4));
      const { granted, stamp } = await lane.budget.lease(want);
      return { granted, validUntil: Date.now() + holdMs, stamp, from: lane.address } satisfies LeaseReply;
    },
    "/report": (body) => record(body),
    "/window": (body) => {
      record(body);
      return windowUse(body.asking);
    },
    "/throttled": (body) => {
      record(body);
      throttled++;
      return windowUse(body.asking);
    },
  };
  function record(body: Report): void {
    for (const at of body.unbudgeted ?? []) unbudgeted.push({ from: body.from, at });
    if (!body.sent?.length && !body.unsent) return;
    const lane = laneFrom(body.from);
    if (!lane) throw new Error(`no lane sends from ${body.from ?? "the system's choice"}`);
    lane.sent.push(...(body.sent ?? []));
    if (body.unsent) lane.budget.refund(body.unsent.stamp, body.unsent.count);
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
            total: lanes.reduce((sum, lane) => sum + lane.sent.length, unbudgeted.length),
            rateLimitChecks: unbudgeted.length,
            // Each lane is a client of its own to the limit: the busiest one is the one to compare.
            peak: Math.max(...lanes.map((lane) => peakInWindow(lane.sent, windowMs))),
            budget: budgetPerWindow,
            lanes: lanes.length,
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
  /** The source address they were sent from: the current lease's lane, or the unbudgeted requests' own. */
  from?: string;
  sent?: number[];
  unbudgeted?: number[];
  /** Part of the current lease that will never be sent (it expired, or the worker is done). */
  unsent?: { stamp: number; count: number };
  /** Whose window a question (`window`, `throttled`) is about: a source address. */
  asking?: string;
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
 * A worker's side of the run's budget. Paced (the default): waits for its lease, and sends from the
 * lease's lane (every request but the rate-limit burst). `unpaced`: only counts, for the rate-limit
 * checks, which trip the limit on purpose, sent from `unpaced.from` (absent: the system's choice).
 */
export class SharedBudget implements Budget {
  total = 0;
  private tokens = 0;
  private validUntil = 0;
  private stamp = 0;
  /** Where its requests are sent from now: the current lease's lane, or the unpaced budget's own. */
  private from?: string;
  private readonly paced: boolean;
  private leasing?: Promise<void>;
  /** Send times not yet reported to the server, all from `from`. */
  private unreported: number[] = [];

  constructor(
    private readonly url: string,
    unpaced?: { from?: string },
  ) {
    this.paced = !unpaced;
    this.from = unpaced?.from;
  }

  /** Resolves to the source address to send the request from (undefined: the system's choice). */
  async take(): Promise<string | undefined> {
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
    return this.from;
  }

  /** How full the window of `from` is (by default the one this budget sends from now). */
  windowUse(from = this.from): Promise<WindowUse> {
    return this.post<WindowUse>("window", { ...this.report(), asking: from });
  }

  /** A budgeted request sent from `from` met a 503: counted for the run's accounting; how full its window is. */
  throttled(from = this.from): Promise<WindowUse> {
    return this.post<WindowUse>("throttled", { ...this.report(), asking: from });
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
    this.from = lease.from;
  }

  /** Send times since the last report, and what is left of an expired lease (or any, at the end). */
  private report(): Report {
    const times = this.unreported.splice(0);
    if (!this.paced) return { from: this.from, unbudgeted: times };
    const unsent = this.tokens > 0 ? { stamp: this.stamp, count: this.tokens } : undefined;
    this.tokens = 0;
    return { from: this.from, sent: times, unsent };
  }

  private async post<T>(route: string, body: Report): Promise<T> {
    const response = await fetch(new URL(route, this.url), { method: "POST", body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`the run's request budget answered ${response.status} to ${route}`);
    return (await response.json()) as T;
  }
}
