import assert from "node:assert/strict";
import { test } from "node:test";
import { runBudget } from "../../helpers/http/budget";
import { SharedBudget, startBudgetServer } from "../../helpers/http/budget-server";
import { BURST_ADDRESS, EMBEDDED_LANES, hasLanes, laneAddresses } from "../../helpers/http/lanes";
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
  const burst = new SharedBudget(server.url, {});
  for (let i = 0; i < 7; i++) await burst.take();
  await burst.flush();
  await workers[0].throttled();
  const accounting = await server.close();
  // A lower bound (load only adds to it): the pacing made them wait at least two windows.
  assert.ok(elapsed >= 1000, `30 requests at 10 per 0.5 s took only ${elapsed} ms`);
  assert.ok(accounting.peak <= 10, `peak ${accounting.peak}`);
  assert.deepEqual(
    { ...accounting, peak: undefined },
    {
      total: 37,
      rateLimitChecks: 7,
      peak: undefined,
      budget: 10,
      lanes: 1,
      windowSeconds: 0.5,
      throttled: 1,
    },
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
      lanes: 1,
      windowSeconds: 10,
      throttled: 0,
    }),
    "300 requests (41 by the rate-limit checks); peak 150 in 10 s of a 400 budget (38%); 0 throttled",
  );
  assert.equal(
    describeAccounting({
      total: 3,
      rateLimitChecks: 0,
      peak: 2,
      budget: 4,
      lanes: 3,
      windowSeconds: 1,
      throttled: 0,
    }),
    "3 requests; peak 2 in 1 s of a 4 budget per lane, 3 lanes (50%); 0 throttled",
  );
});

test("lanes only on the embedded reference: 127.0.0.2 and up, never the burst's address; one lane with no address otherwise", () => {
  assert.deepEqual(
    [hasLanes(true, "linux"), hasLanes(false, "linux"), hasLanes(true, "darwin")],
    [true, false, false],
    "only where every 127.0.0.x is loopback",
  );
  assert.deepEqual(laneAddresses(false), [undefined]);
  const lanes = laneAddresses(true);
  assert.equal(lanes.length, EMBEDDED_LANES);
  assert.deepEqual([lanes[0], lanes.at(-1)], ["127.0.0.2", `127.0.0.${EMBEDDED_LANES + 1}`]);
  assert.ok(!lanes.includes(BURST_ADDRESS));
});

test("without lanes a lease names no address: requests go from the system's choice, as before", async () => {
  const server = await startBudgetServer(10, 10);
  const worker = new SharedBudget(server.url);
  assert.equal(await worker.take(), undefined);
  await worker.flush();
  assert.equal((await server.close()).lanes, 1);
});

test("a lease names its lane; lanes fill independently, each up to the whole budget in its own window", async () => {
  const lanes = ["127.0.0.2", "127.0.0.3"];
  const server = await startBudgetServer(10, 2, lanes);
  const worker = new SharedBudget(server.url);
  const started = Date.now();
  const from: (string | undefined)[] = [];
  for (let i = 0; i < 20; i++) from.push(await worker.take());
  // One request per lease at this budget; the lane with the most room (the first of equals) grants it.
  assert.deepEqual(
    from,
    Array.from({ length: 20 }, (_, i) => lanes[i % 2]),
  );
  // Both windows full at once: 20 requests held where one budget of 10 would have made the 11th wait
  // a window (2 s). headroom: the 20 leases take ~20 ms on a quiet machine, 100x inside the window
  // they must fit in (a fill slower than the window would let the first ones leave it before this probe).
  const probe = new SharedBudget(server.url);
  assert.deepEqual(
    [(await probe.windowUse(lanes[0])).requests, (await probe.windowUse(lanes[1])).requests],
    [10, 10],
    `two lanes of 10 per 2 s did not hold 20 requests at once (${Date.now() - started} ms)`,
  );
  await worker.take(); // both lanes are full: this one waits for a window to slide
  // A lower bound (load only adds to it): both windows were full at the probe above.
  assert.ok(Date.now() - started >= 2000, "a 21st request went out inside the window");
  await worker.flush();
  const accounting = await server.close();
  assert.deepEqual([accounting.total, accounting.peak, accounting.lanes], [21, 10, 2]);
});

test("what a worker hands back goes back to the lane it was leased from", async () => {
  const lanes = ["127.0.0.2", "127.0.0.3"];
  const server = await startBudgetServer(400, 10, lanes);
  const worker = new SharedBudget(server.url);
  assert.equal(await worker.take(), lanes[0]); // leases 10 from the first lane
  const probe = new SharedBudget(server.url);
  assert.equal(await new SharedBudget(server.url).take(), lanes[1], "the lane with the most room");
  assert.equal((await probe.windowUse(lanes[0])).requests, 10);
  await worker.flush();
  assert.deepEqual(
    [(await probe.windowUse(lanes[0])).requests, (await probe.windowUse(lanes[1])).requests],
    [1, 10],
  );
  await server.close();
});

test("the burst's own address shares no lane's window: its window holds only its own requests", async () => {
  const server = await startBudgetServer(10, 10, ["127.0.0.2"]);
  const worker = new SharedBudget(server.url);
  for (let i = 0; i < 5; i++) await worker.take();
  await worker.flush();
  const burst = new SharedBudget(server.url, { from: BURST_ADDRESS });
  assert.deepEqual(await burst.windowUse(), { requests: 0, budget: 10, windowSeconds: 10, clearInMs: 0 });
  for (let i = 0; i < 3; i++) assert.equal(await burst.take(), BURST_ADDRESS);
  await burst.flush();
  assert.equal((await burst.windowUse()).requests, 3);
  assert.equal((await worker.windowUse("127.0.0.2")).requests, 5);
  const accounting = await server.close();
  assert.deepEqual([accounting.total, accounting.rateLimitChecks, accounting.peak], [8, 3, 5]);
});
