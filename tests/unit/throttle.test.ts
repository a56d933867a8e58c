import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { CheckResult } from "../../helpers/checks/check";
import { withEarlyThrottle } from "../../helpers/checks/outcome";
import type { Budget, WindowUse } from "../../helpers/http/budget";
import { RequestBudget } from "../../helpers/http/budget";
import { type Exchange, WorkspaceClient } from "../../helpers/http/client";
import { HttpTransport } from "../../helpers/http/http";
import { Redactor } from "../../helpers/http/redaction";
import { login } from "../../helpers/http/session";
import { classifyThrottle } from "../../helpers/http/throttle";
import { REFERENCE_ADMIN, type RunningReference, startReference } from "../../reference";

const use = (requests: number): WindowUse => ({ requests, budget: 8, windowSeconds: 2, clearInMs: 0 });

test("a 503 is classified: early throttle within budget, a bounded wait past it, no Retry-After no throttle", () => {
  assert.equal(classifyThrottle("1", use(8)).kind, "throttled-early");
  assert.match(
    (classifyThrottle("1", use(3)) as { why: string }).why,
    /^the deployment throttled early \(3 requests in the last window, budget 8\)/,
  );
  assert.deepEqual(
    { ...classifyThrottle("30", use(9)), note: undefined },
    { kind: "retry", waitMs: 2000, note: undefined },
    "waits at most one window",
  );
  assert.equal((classifyThrottle("1", use(9)) as { waitMs: number }).waitMs, 1000);
  assert.equal(classifyThrottle(undefined, use(3)).kind, "not-a-throttle");
});

test("a check that met an early throttle fails with it, whatever it found", () => {
  const exchange = {
    request: { method: "GET", url: "u", headers: {} },
    ms: 1,
    throttledEarly: "throttled early",
  };
  const passed = { outcome: "passed", informational: true, exchanges: [exchange as Exchange] } as CheckResult;
  const result = withEarlyThrottle(passed);
  assert.deepEqual(
    [result.outcome, result.why, result.informational],
    ["failed", "throttled early", undefined],
  );
  const untouched = { ...passed, exchanges: [] };
  assert.equal(withEarlyThrottle(untouched), untouched);
});

describe("the client against a deployment that throttles at 4 requests per 1 s", () => {
  let reference: RunningReference;
  before(async () => {
    reference = await startReference({
      faults: ["throttles-early"],
      rateLimit: { limit: 40, windowSeconds: 1 },
    });
  });
  after(() => reference.close());

  async function client(budget: Budget) {
    const api = new HttpTransport();
    const { token } = await login(api, reference.url, REFERENCE_ADMIN.user, REFERENCE_ADMIN.password, 5000);
    const options = { baseUrl: reference.url, token, timeoutMs: 5000, allowWrites: false, budget };
    return { api, client: new WorkspaceClient(api, { ...options, redactor: new Redactor() }) };
  }
  const self = { method: "GET", path: "api/2.0/people/@self.json" } as const;

  test("within the budget, the 503 is marked as an early throttle, not retried", async () => {
    // The five must land in one window of the deployment's. headroom: ~10 ms on a quiet machine, 100x inside its 1 s.
    const { api, client: c } = await client(new RequestBudget(32, 2000));
    const exchanges = [];
    for (let i = 0; i < 5; i++) exchanges.push(await c.send(self));
    api.close();
    assert.deepEqual(
      exchanges.map((e) => e.response?.status),
      [200, 200, 200, 200, 503],
    );
    assert.match(
      exchanges[4].throttledEarly ?? "",
      /throttled early \(5 requests in the last window, budget 32\)/,
    );
  });

  test("past the budget, it waits Retry-After, retries once and says so", async () => {
    const overBudget: Budget = {
      total: 0,
      take: async () => undefined,
      windowUse: async () => ({ requests: 9, budget: 2, windowSeconds: 2, clearInMs: 0 }),
      throttled: () => overBudget.windowUse(),
    };
    const { api, client: c } = await client(overBudget);
    const exchanges: Exchange[] = [];
    while (exchanges.length < 6 && !exchanges.some((e) => e.note)) exchanges.push(await c.send(self));
    api.close();
    const retried = exchanges.find((e) => e.note);
    assert.equal(retried?.response?.status, 200);
    assert.match(
      retried?.note ?? "",
      /^503 with Retry-After: \d after 9 requests .* waited \d s and retried once$/,
    );
  });
});
