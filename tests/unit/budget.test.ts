import assert from "node:assert/strict";
import { test } from "node:test";
import { RequestBudget } from "../../helpers/http/budget";

test("requests beyond the share wait for the window to move on", async () => {
  const budget = new RequestBudget(3, 200);
  const started = Date.now();
  for (let i = 0; i < 4; i++) await budget.take();
  const elapsed = Date.now() - started;
  assert.ok(elapsed >= 190, `waited ${elapsed} ms`); // a lower bound: load only adds to it
  assert.equal(budget.total, 4);
});

test("a lease's requests count from the end of its hold, and its unsent ones can be handed back", async () => {
  let now = 1000;
  const budget = new RequestBudget(10, 1000, 100);
  const lease = await budget.lease(4, () => now);
  assert.deepEqual(lease, { granted: 4, stamp: 1100 });
  now = 2050; // past the grant's window, not past the hold's
  assert.equal(budget.inWindow(now), 4);
  budget.refund(lease.stamp, 3);
  assert.equal(budget.inWindow(now), 1);
  assert.equal((await budget.windowUse()).budget, 10);
});
