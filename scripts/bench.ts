/**
 * Measures what the issues ask for, on this machine: the whole suite against the embedded reference
 * (server start and reports included), green and with several rules broken at once, and the cost
 * per check. Run: npm run bench [-- --runs 5]
 */
import { runSuite, type SuiteRun } from "../tests/support/run-suite";

/** One universal rule broken on every operation (issue 13: at most 1.5x a green run). */
const UNIVERSAL_RULE = "json-by-default";
const BROKEN_RULES = [
  "json-by-default",
  "xml-suffix-ignored",
  "person-missing-display-name",
  "not-found-returns-200",
  "create-returns-200",
];

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Workload {
  name: string;
  faults: string[];
  args?: string[];
}

/**
 * Each workload RUNS times, taken in turns (one of each, then again), so a slow spell of this
 * shared machine weighs on every figure alike rather than on whichever ran then; the median of each.
 */
async function measure(workloads: Workload[]): Promise<{ ms: number; run: SuiteRun }[]> {
  const times: number[][] = workloads.map(() => []);
  const last: SuiteRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [index, { name, faults, args = [] }] of workloads.entries()) {
      last[index] = await runSuite({ name: `bench/${name}`, faults, args, fullReports: true });
      times[index].push(last[index].ms);
    }
  }
  return workloads.map((_, index) => ({ ms: median(times[index]), run: last[index] }));
}

async function main(): Promise<void> {
  // The fixed cost: Playwright, the reference, the login, one worker and the reports, around a single
  // check (a run that selects none starts no worker, which would charge worker start to the checks).
  const [single, green, universal, broken] = await measure([
    { name: "single", faults: [], args: ["--grep", "@capabilities.*@status"] },
    { name: "green", faults: [] },
    { name: "universal", faults: [UNIVERSAL_RULE] },
    { name: "broken", faults: BROKEN_RULES },
  ]);
  const checks = green.run.checks.length;
  const rows = [
    [
      "green run (wall, median)",
      `${(green.ms / 1000).toFixed(2)} s`,
      `${checks} checks, ${green.run.requests} requests, exit ${green.run.exitCode}`,
    ],
    [
      "fixed cost (a run of one check)",
      `${(single.ms / 1000).toFixed(2)} s`,
      `Playwright, reference start, login, one worker, reports (${single.run.checks.length} check)`,
    ],
    [
      "cost per check (green)",
      `${((green.ms - single.ms) / (checks - single.run.checks.length)).toFixed(2)} ms`,
      `(green - fixed) / ${checks - single.run.checks.length} more checks`,
    ],
    [
      "requests per check (green)",
      (green.run.requests / checks).toFixed(2),
      `${green.run.requests} requests for ${checks} checks (the rate-limit checks are off in these runs)`,
    ],
    [
      `one rule broken everywhere: ${UNIVERSAL_RULE}`,
      `${(universal.ms / 1000).toFixed(2)} s`,
      `${universal.run.failed.length} failed checks, exit ${universal.run.exitCode}; ${(universal.ms / green.ms).toFixed(2)}x the green run`,
    ],
    [
      `broken run: ${BROKEN_RULES.join(", ")}`,
      `${(broken.ms / 1000).toFixed(2)} s`,
      `${broken.run.failed.length} failed checks, exit ${broken.run.exitCode}; ${(broken.ms / green.ms).toFixed(2)}x the green run`,
    ],
  ];
  process.stdout.write(`Runs per figure: ${RUNS}\n`);
  for (const [what, value, note] of rows)
    process.stdout.write(`${what.padEnd(40)} ${value.padStart(10)}  ${note}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
