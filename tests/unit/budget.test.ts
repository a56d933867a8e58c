import assert from "node:assert/strict";
import { test } from "node:test";
import { RequestBudget } from "../../helpers/budget";

test("a worker's share is a safe fraction of the limit, divided among workers", () => {
  assert.equal(RequestBudget.forWorker(500, 10, 2).share, 200);
  assert.equal(RequestBudget.forWorker(500, 10, 1).share, 400);
});

test("requests beyond the share wait for the window to move on", async () => {
  const budget = new RequestBudget(3, 200);
  const started = Date.now();
  for (let i = 0; i < 4; i++) await budget.take();
  const elapsed = Date.now() - started;
  assert.ok(elapsed >= 190, `waited ${elapsed} ms`);
  assert.equal(budget.total, 4);
});
