import assert from "node:assert/strict";
import { test } from "node:test";
import { runBudget } from "../../helpers/http/budget";
import { SharedBudget, startBudgetServer } from "../../helpers/http/budget-server";
import { describeAccounting, peakInWindow } from "../../helpers/http/request-accounting";

test("the run's budget is 80% of the limit, divided among shards", () => {
  assert.equal(runBudget(500), 400);
  assert.equal(runBudget(500, 3), 133);
  assert.equal(runBudget(1, 4), 1);
});

test("workers sharing the budget never send more than it in any window, and the run is accounted", async () => {
  const server = await startBudgetServer(10, 0.5);
  const workers = [new SharedBudget(server.url), new SharedBudget(server.url)];
  const started = Date.now();
  await Promise.all(
    workers.map(async (worker) => {
      for (let i = 0; i < 15; i++) await worker.take();
      await worker.flush();
    }),
  );
  const elapsed = Date.now() - started;
  const burst = new SharedBudget(server.url, false);
  for (let i = 0; i < 7; i++) await burst.take();
  await burst.flush();
  await workers[0].throttled();
  const accounting = await server.close();
  assert.ok(elapsed >= 1000, `30 requests at 10 per 0.5 s took only ${elapsed} ms`);
  assert.ok(accounting.peak <= 10, `peak ${accounting.peak}`);
  assert.deepEqual(
    { ...accounting, peak: undefined },
    { total: 37, rateLimitChecks: 7, peak: undefined, budget: 10, windowSeconds: 0.5, throttled: 1 },
  );
});

test("a worker hands back what it leased but never sent, so no budget goes to waste", async () => {
  const server = await startBudgetServer(400, 10);
  const worker = new SharedBudget(server.url);
  await worker.take(); // leases 10
  assert.equal((await new SharedBudget(server.url).windowUse()).requests, 10);
  await worker.flush();
  const use = await new SharedBudget(server.url).windowUse();
  assert.equal(use.requests, 1);
  assert.ok(use.clearInMs > 9000 && use.clearInMs <= 10_500, `clear in ${use.clearInMs} ms`);
  await server.close();
});

test("the peak is the most requests inside any one window", () => {
  assert.equal(peakInWindow([1998, 0, 100, 999, 1000, 1500], 1000), 4); // 999..1998
  assert.equal(peakInWindow([0, 1000, 2000], 1000), 1); // a request leaves the window as the next arrives
  assert.equal(peakInWindow([], 1000), 0);
  assert.equal(
    describeAccounting({
      total: 300,
      rateLimitChecks: 41,
      peak: 150,
      budget: 400,
      windowSeconds: 10,
      throttled: 0,
    }),
    "300 requests (41 by the rate-limit checks); peak 150 in 10 s of a 400 budget (38%); 0 throttled",
  );
});
