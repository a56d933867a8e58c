import {
  BURST_REQUEST,
  errorEnvelopeResult,
  type Keying,
  keyingResult,
  limitResult,
  noRefusal,
  observed,
  recover,
  recoveryResult,
  retryAfterResult,
  sendBurst,
} from "../helpers/checks/rate-limit";
import { selects, shardOf } from "../helpers/contract/selection";
import { test } from "../helpers/fixtures";
import { SharedBudget } from "../helpers/http/budget-server";
import { HttpTransport } from "../helpers/http/http";
import { RunStop } from "../helpers/http/run-stop";
import { login } from "../helpers/http/session";
import { loadConfig } from "../helpers/run/config";
import { runClient } from "../helpers/run/run-client";
import type { RunInfo } from "../helpers/run/run-info";

/*
 * The rate limit itself: one burst past the limit, then what the 503 says, whether waiting it out is
 * enough, and whether another account is throttled too. Its own project (playwright.config.ts). With
 * lanes (the embedded reference) the burst goes from an address no lane of the budget uses
 * (run.burstFrom), so it runs alongside the other tests; otherwise (a WORKSPACE_URL deployment) it runs
 * after every other test, so the burst throttles nobody else.
 */
// Declared skipped, so no worker starts for it.
test.skip(
  !loadConfig().rateLimitChecks,
  "WORKSPACE_RATE_LIMIT_CHECKS=false: the rate-limit checks are switched off",
);
// A teardown project runs whatever --grep selects; these checks run only when it selects them too.
test.skip(!selects("rate-limit.spec.ts rate-limit checks @rate-limit"), "not selected by --grep");
// Declared, so the test takes no shard's share.
const shard = shardOf();
test.skip(
  shard !== undefined,
  `a sharded run (--shard ${shard?.current}/${shard?.total}): the burst would throttle the other shards; run the rate-limit checks once, unsharded: npx playwright test --project rate-limit`,
);

test("rate-limit checks", { tag: "@rate-limit" }, async ({ conformance, config, run }, testInfo) => {
  const stopped = new RunStop(run.stopFile).stoppedBecause();
  test.skip(stopped !== undefined, `the run stopped: ${stopped}`);
  const http = new HttpTransport({ ignoreHttpsErrors: config.ignoreHttpsErrors });
  // Outside the run's budget (it trips the limit on purpose) but counted in its accounting; the second
  // account's request goes from the same address, so the keying check compares accounts on one IP.
  const budget = new SharedBudget(run.budgetUrl, { from: run.burstFrom });
  // It provokes 503s: the client must hand them back as they are, not classify them.
  const client = runClient(http, run, {
    timeoutMs: config.timeoutMs,
    allowWrites: false,
    budget,
    classifyThrottles: false,
  });
  try {
    const second = await secondAccountToken(http, run, config.timeoutMs);
    const { limit, windowSeconds } = run.rateLimit;
    // A clean window first: the run's requests just before would count towards the same limit (none
    // on the embedded reference, where nothing else is sent from the burst's address).
    const { clearInMs } = await budget.windowUse();
    await new Promise((resolve) => setTimeout(resolve, clearInMs));
    const settings = { limit, windowSeconds, earlier: (await budget.windowUse()).requests };
    const send = () => client.send(BURST_REQUEST);
    const burst = await sendBurst(send, settings);
    let keying: Keying | string = second.why ?? noRefusal;
    if (burst.refusal && second.token) {
      client.options.redactor.add(second.token);
      keying = {
        second: await client.send({ ...BURST_REQUEST, authorization: second.token }),
        control: await send(),
      };
    }
    const recovery = await recover(send, burst, settings);
    const seen = observed(burst, recovery);
    testInfo.annotations.push({
      type: "rate limit observed",
      description: `${seen.succeeded} of ${seen.sent} requests succeeded in ${seen.burstMs} ms (${settings.earlier} sent just before), first refusal: ${seen.firstRefusal}; the block had ended within ${seen.windowEndedWithinSeconds ?? "?"} s of the burst's first request`,
    });
    for (const found of [
      limitResult(burst, recovery, settings),
      retryAfterResult(burst, settings),
      errorEnvelopeResult(burst),
      recoveryResult(burst, recovery),
      keyingResult(burst, keying),
    ])
      await conformance.record(found);
  } finally {
    await budget.flush();
    http.close();
  }
});

/** The second account's token, or why there is none (the keying check then says so). */
async function secondAccountToken(
  http: HttpTransport,
  run: RunInfo,
  timeoutMs: number,
): Promise<{ token?: string; why?: string }> {
  if (!run.secondAccount)
    return {
      why: "no second account: set WORKSPACE_SECOND_USER and WORKSPACE_SECOND_PASSWORD (another account on the same deployment) to check the keying",
    };
  try {
    const { user, password } = run.secondAccount;
    const { token } = await login(http, run.url, user, password, timeoutMs);
    return { token };
  } catch (error) {
    return {
      why: `the second account (WORKSPACE_SECOND_USER) could not sign in: ${(error as Error).message}`,
    };
  }
}
