/**
 * The whole suite against a rate-limited deployment it treats as unknown (a reference started here,
 * reached through WORKSPACE_URL, so the run has one budget lane), next to the floor that limit sets:
 * the requests the deployment received at the pace the suite may use (80% of the limit, issue 14:
 * "requests / 40 per s at the default pacing"). Goal: within 1.3x of the floor. The rate-limit checks
 * are off: they trip the limit on purpose and would measure their own waits, not the pacing.
 * Run: npm run bench:rate-limit [-- --limit 500 --window 10]
 */
import { runBudget } from "../helpers/http/budget";
import { REFERENCE_ADMIN, REMEMBERED_REQUESTS, startReference } from "../reference";
import { runSuite } from "../tests/support/run-suite";

const MAX_RATIO = 1.3;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main(): Promise<void> {
  // The documented limit: 500 requests per 10 s (basic-concepts.txt).
  const limit = option("limit", 500);
  const windowSeconds = option("window", 10);
  const reference = await startReference({ rateLimit: { limit, windowSeconds } });
  const run = await runSuite({
    name: "bench/rate-limited",
    env: {
      WORKSPACE_URL: reference.url,
      WORKSPACE_USER: REFERENCE_ADMIN.user,
      WORKSPACE_PASSWORD: REFERENCE_ADMIN.password,
      WORKSPACE_RATE_LIMIT: String(limit),
      WORKSPACE_RATE_WINDOW: String(windowSeconds),
      // Every check, writes included: the reference is disposable (a staging run would leave them off).
      WORKSPACE_ALLOW_WRITES: "true",
    },
  }).finally(() => reference.close());
  const accounting = run.accounting;
  if (run.exitCode !== 0 || !accounting) {
    throw new Error(
      `the run failed (exit ${run.exitCode}):\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`,
    );
  }
  // Every request counts against the limit, global setup's login and look-ups too.
  const received = reference.requests().length;
  if (received >= REMEMBERED_REQUESTS)
    throw new Error(`the reference remembers only ${REMEMBERED_REQUESTS} requests; the run sent more`);
  const perSecond = runBudget(limit) / windowSeconds;
  const floor = received / perSecond;
  const wall = run.ms / 1000;
  const ratio = wall / floor;
  const rows = [
    [
      "limit (deployment and suite)",
      `${limit} per ${windowSeconds} s`,
      `the suite's budget: ${accounting.budget}`,
    ],
    [
      "requests",
      `${received}`,
      `received by the deployment; the tests sent ${accounting.total}, peak ${accounting.peak} in ${windowSeconds} s, ${accounting.throttled} throttled; ${run.checks.length} checks, rate-limit checks off`,
    ],
    ["floor (requests / allowed pace)", `${floor.toFixed(1)} s`, `${perSecond} per s: 80% of the limit`],
    ["suite wall time", `${wall.toFixed(1)} s`, "Playwright start, login and reports included"],
    [
      "ratio to the floor",
      `${ratio.toFixed(2)}x`,
      `goal <= ${MAX_RATIO}x: ${ratio <= MAX_RATIO ? "met" : "NOT MET"}`,
    ],
  ];
  for (const [what, value, note] of rows)
    process.stdout.write(`${what.padEnd(32)} ${value.padStart(14)}  ${note}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
