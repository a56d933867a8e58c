import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { ADMIN_BASIC, type Api, basic, reference, USER_PASSWORD } from "./support";

describe("rate limit: 5 requests per 1 s per (IP, account)", () => {
  let api: Api;
  before(async () => {
    api = await reference({ rateLimit: { limit: 5, windowSeconds: 1 } });
  });
  after(() => api.close());

  test("the 6th request gets 503 with Retry-After; other accounts are not throttled; the window slides", async () => {
    const asAdmin = () => api.fetch("people/@self.json", { headers: { Authorization: ADMIN_BASIC } });
    // The six must land in one window. headroom: ~10 ms on a quiet machine, 100x inside the 1 s.
    for (let index = 0; index < 5; index += 1) assert.equal((await asAdmin()).status, 200);
    const refused = await asAdmin();
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get("retry-after"), "1");
    const envelope = (await refused.json()) as { statusCode: number; error: { message: string } };
    assert.deepEqual([envelope.statusCode, envelope.error.message], [503, "Too many requests"]);

    const otherUser = await api.fetch("people/@self.json", {
      headers: { Authorization: basic("li.wei", USER_PASSWORD) },
    });
    assert.equal(otherUser.status, 200);
    assert.equal((await api.fetch("capabilities.json")).status, 200, "anonymous is its own account");

    await sleep(1050);
    assert.equal((await asAdmin()).status, 200);
  });
});
