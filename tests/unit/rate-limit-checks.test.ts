import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type Burst,
  keyingResult,
  limitResult,
  recover,
  recoveryResult,
  retryAfterResult,
  sendBurst,
} from "../../helpers/checks/rate-limit";
import type { Exchange } from "../../helpers/http/client";

const settings = { limit: 20, windowSeconds: 2, earlier: 0 };
const answer = (status: number, headers: Record<string, string> = {}): Exchange => ({
  request: { method: "GET", url: "http://x/api/2.0/people/@self.json", headers: {} },
  response: { status, headers, body: "" },
  ms: 1,
});

/** A deployment that admits `limit` requests, then answers `refusal`. */
function deployment(limit: number, refusal: Exchange) {
  let count = 0;
  return async () => (++count <= limit ? answer(200) : refusal);
}

test("the burst stops at the first refusal and counts what succeeded before it", async () => {
  const burst = await sendBurst(deployment(20, answer(503, { "retry-after": "2" })), settings);
  assert.equal(burst.succeeded, 20);
  assert.equal(burst.refusal?.response?.status, 503);
  assert.ok(burst.sent < 30, `sent ${burst.sent}`);
  assert.equal(limitResult(burst, undefined, settings).outcome, "passed");
  assert.equal(retryAfterResult(burst, settings).outcome, "passed");
});

test("a deployment that never refuses fails after a bounded burst; one too slow for a window is inconclusive", async () => {
  const burst = await sendBurst(deployment(Number.POSITIVE_INFINITY, answer(503)), settings);
  assert.equal(burst.sent, 20 + 5);
  assert.match(limitResult(burst, undefined, settings).why, /no 503 after 20 per 2 s/);
  assert.equal(limitResult({ ...burst, ms: 2500 }, undefined, settings).outcome, "inconclusive");
  assert.equal(retryAfterResult(burst, settings).outcome, "skipped");
});

test("429, early throttling, and a Retry-After past the window each fail their check", async () => {
  const refused = (status: number, succeeded: number, retryAfter = "1"): Burst => ({
    sent: succeeded + 1,
    succeeded,
    firstSentAt: 0,
    ms: 100,
    refusal: answer(status, { "retry-after": retryAfter }),
    refusedAt: 100,
  });
  assert.match(limitResult(refused(429, 20), undefined, settings).why, /refused with 429, not 503/);
  assert.match(limitResult(refused(503, 2), undefined, settings).why, /throttled after 2 requests/);
  assert.equal(limitResult(refused(503, 15), undefined, { ...settings, earlier: 5 }).outcome, "passed");
  assert.match(limitResult(refused(503, 25), undefined, settings).why, /more than 20/);
  assert.match(retryAfterResult(refused(503, 20, "3"), settings).why, /longer than the 2 s window/);
  assert.match(retryAfterResult(refused(503, 20, "soon"), settings).why, /not a whole number/);
});

test("recovery waits what Retry-After said; the keying needs the first account still throttled", async () => {
  const burst: Burst = {
    sent: 21,
    succeeded: 20,
    firstSentAt: Date.now(),
    ms: 10,
    refusal: answer(503, { "retry-after": "0" }),
    refusedAt: Date.now(),
  };
  const recovery = await recover(async () => answer(503, { "retry-after": "1" }), burst, settings);
  assert.equal(recovery?.waitedSeconds, 0);
  assert.match(recoveryResult(burst, recovery).why, /still refused after waiting 0 s/);
  assert.equal(keyingResult(burst, { second: answer(200), control: answer(503) }).outcome, "passed");
  assert.equal(keyingResult(burst, { second: answer(503), control: answer(503) }).outcome, "failed");
  assert.equal(keyingResult(burst, { second: answer(200), control: answer(200) }).outcome, "inconclusive");
  assert.equal(keyingResult(burst, "no second account").outcome, "skipped");
});
