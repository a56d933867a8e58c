/**
 * The suite against a rate-limited reference, next to the floor that limit sets: its requests at the
 * allowed rate (requests / (limit / window)). Target: within 1.3x of the floor.
 * Run: npm run bench:rate-limit [-- --limit 60 --window 10]
 */
import { runSuite } from "../tests/support/run-suite";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main(): Promise<void> {
  const limit = option("limit", 60);
  const window = option("window", 10);
  const env = { WORKSPACE_RATE_LIMIT: String(limit), WORKSPACE_RATE_WINDOW: String(window) };
  const run = await runSuite({ name: "bench/rate-limited", env });
  const accounting = run.accounting;
  if (run.exitCode !== 0 || !accounting) {
    throw new Error(
      `the run failed (exit ${run.exitCode}):\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`,
    );
  }
  const floor = (accounting.total / limit) * window;
  const wall = run.ms / 1000;
  const rows = [
    ["limit (reference and suite)", `${limit} per ${window} s`, `the suite's budget: ${accounting.budget}`],
    [
      "requests",
      `${accounting.total}`,
      `peak ${accounting.peak} in ${window} s, ${accounting.throttled} throttled`,
    ],
    ["floor (requests / allowed rate)", `${floor.toFixed(1)} s`, ""],
    [
      "suite wall time",
      `${wall.toFixed(1)} s`,
      `${(wall / floor).toFixed(2)}x the floor (target: within 1.3x)`,
    ],
  ];
  for (const [what, value, note] of rows)
    process.stdout.write(`${what.padEnd(32)} ${value.padStart(14)}  ${note}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
