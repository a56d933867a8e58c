import assert from "node:assert/strict";
import { availableParallelism } from "node:os";
import { test } from "node:test";
import { limiter, SUITE_RUNS_AT_ONCE } from "../support/run-suite";

/** A task that records how many ran beside it, and ends when told. */
function probe(log: { running: number; most: number; order: number[] }, id: number) {
  let finish: (fail?: boolean) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = (fail) => (fail ? reject(new Error(`task ${id}`)) : resolve());
  });
  const task = async () => {
    log.order.push(id);
    log.running++;
    log.most = Math.max(log.most, log.running);
    try {
      await done;
      return id;
    } finally {
      log.running--;
    }
  };
  return { task, finish };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

test("self-tests start no more suite runs at once than the machine has cores, the rest in the order asked", async () => {
  assert.equal(SUITE_RUNS_AT_ONCE, Math.max(1, availableParallelism()));
  const inTurn = limiter(2);
  const log = { running: 0, most: 0, order: [] as number[] };
  const probes = [1, 2, 3, 4, 5].map((id) => probe(log, id));
  const results = probes.map(({ task }) => inTurn(task));
  await turn();
  assert.deepEqual(log.order, [1, 2], "two start, three wait");
  probes[1].finish(true); // a failed run gives its place back too
  await assert.rejects(results[1], /task 2/);
  await turn();
  assert.deepEqual(log.order, [1, 2, 3]);
  for (const { finish } of probes) finish();
  assert.deepEqual(await Promise.all([results[0], ...results.slice(2)]), [1, 3, 4, 5]);
  assert.deepEqual(log.order, [1, 2, 3, 4, 5]);
  assert.equal(log.most, 2);
  assert.equal(await inTurn(async () => "free again"), "free again");
});
