import assert from "node:assert/strict";
import { parseFaults } from "../../../reference/faults";
import type { RATE_LIMIT_FAULTS } from "../../../reference/faults/rate-limit";
import { type Admission, RateLimiter } from "../../../reference/rate-limit";

/** 4 requests per 10 s, on a clock the test moves: each fault's deviation without waiting for it. */
function limiter(fault: keyof typeof RATE_LIMIT_FAULTS, limit = 4): RateLimiter {
  return new RateLimiter(limit, 10, parseFaults([fault]));
}

function admitted(limiter: RateLimiter, count: number, at: number, account = "admin"): Admission[] {
  return Array.from({ length: count }, () => limiter.admit("127.0.0.1", account, at));
}

const allAdmitted = (admissions: Admission[]) => admissions.every((a) => a.admitted);

/** Each rate-limit fault's one deviation, plus a control showing the neighbouring rule still holds. */
export const RATE_LIMIT_FAULT_CHECKS: Record<keyof typeof RATE_LIMIT_FAULTS, () => Promise<void>> = {
  "no-rate-limit": async () => {
    assert.ok(allAdmitted(admitted(limiter("no-rate-limit"), 50, 0)));
  },
  "rate-limit-429": async () => {
    const rl = limiter("rate-limit-429");
    assert.ok(allAdmitted(admitted(rl, 4, 0)));
    const refused = rl.admit("127.0.0.1", "admin", 0);
    assert.equal(refused.admitted, false);
    const error = rl.refusal(refused as { retryAfterSeconds: number });
    assert.deepEqual([error.status, error.headers], [429, { "Retry-After": "10" }]);
  },
  "no-retry-after": async () => {
    const rl = limiter("no-retry-after");
    assert.ok(allAdmitted(admitted(rl, 4, 0)));
    const error = rl.refusal(rl.admit("127.0.0.1", "admin", 0) as { retryAfterSeconds: number });
    assert.deepEqual([error.status, error.headers], [503, {}]);
  },
  "throttles-early": async () => {
    const rl = limiter("throttles-early", 40);
    assert.ok(allAdmitted(admitted(rl, 4, 0)));
    assert.equal(rl.admit("127.0.0.1", "admin", 0).admitted, false);
    assert.ok(allAdmitted(admitted(rl, 4, 10_000)), "the window still slides");
  },
  "block-outlasts-retry-after": async () => {
    const rl = limiter("block-outlasts-retry-after");
    assert.ok(allAdmitted(admitted(rl, 4, 0)));
    const refused = rl.admit("127.0.0.1", "admin", 1000);
    assert.deepEqual(refused, { admitted: false, retryAfterSeconds: 9 });
    assert.equal(rl.admit("127.0.0.1", "admin", 10_000).admitted, false, "Retry-After was not enough");
    assert.equal(rl.admit("127.0.0.1", "admin", 20_001).admitted, true, "the block ends a window later");
  },
  "rate-limit-keyed-on-ip": async () => {
    const rl = limiter("rate-limit-keyed-on-ip");
    assert.ok(allAdmitted(admitted(rl, 4, 0)));
    assert.equal(rl.admit("127.0.0.1", "other", 0).admitted, false, "another account is throttled too");
    assert.equal(rl.admit("10.0.0.2", "admin", 0).admitted, true, "another IP is not");
  },
};
