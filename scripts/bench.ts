/**
 * The run's cost as ratios to a floor measured on this machine in the same minutes (issue 24): a bare
 * client (scripts/floor.ts) sending the requests a green run sent to an embedded reference of its
 * own, and validating each answer. Seconds are printed as information, the ratios against their goals.
 * A bench, not a test: it exits 0 whether or not the goals are met, and says which are not on its
 * last line. Run: npm run bench [-- --runs 5]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureValidators } from "../helpers/contract/schemas";
import {
  ROOT,
  runSuite,
  SELF_TEST_RATE_LIMIT,
  type SuiteOptions,
  type SuiteRun,
} from "../tests/support/run-suite";
import { childrenCpuOf } from "./cpu-time";

/** One universal rule broken on every operation (issue 13: at most 1.5x a green run). */
const UNIVERSAL_RULE = "json-by-default";
const BROKEN_RULES = [
  "json-by-default",
  "xml-suffix-ignored",
  "person-missing-display-name",
  "not-found-returns-200",
  "create-returns-200",
];
/** Issue 24's goals, as ratios to the floor or to a green run. */
const MAX_WALL_OVER_FLOOR = 2;
const MAX_CPU_OVER_FLOOR = 3;
const MAX_REQUESTS_PER_CHECK = 0.7;
const MAX_FAILURE_COST = 1.5;
const MAX_PEAK_RSS_BYTES = 1e9;

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One run of a workload: its wall time, its processes' CPU time, and the suite's results if it was one. */
interface Sample {
  ms: number;
  cpuMs: number;
  suite?: SuiteRun;
  /** The floor's counts (scripts/floor.ts). */
  floor?: Record<string, number>;
}

interface Workload {
  name: string;
  run: () => Promise<Omit<Sample, "cpuMs">>;
}

interface Measured {
  /** Medians. */
  ms: number;
  cpuMs: number;
  /** The last run, for its counts. */
  last: Sample;
  samples: Sample[];
}

const suite = (options: SuiteOptions): Workload => ({
  name: options.name,
  run: async () => {
    const run = await runSuite({ fullReports: true, ...options, name: `bench/${options.name}` });
    return { ms: run.ms, suite: run };
  },
});

/** The floor, as a process of its own like the run: from its start to its exit. */
const floor = (recorded: string): Workload => ({
  name: "floor",
  run: () =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const child = spawn(
        process.execPath,
        ["--import", "tsx", join(ROOT, "scripts", "floor.ts"), recorded, String(SELF_TEST_RATE_LIMIT)],
        { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
      );
      let out = "";
      child.stdout.on("data", (data) => {
        out += data;
      });
      child.on("error", reject);
      child.on("close", (code) => {
        if (code !== 0) reject(new Error(`the floor failed (exit ${code})`));
        else resolve({ ms: Date.now() - started, floor: JSON.parse(out) });
      });
    }),
});

/**
 * Each workload RUNS times, taken in turns (one of each, then again), so a slow spell of this
 * shared machine weighs on every figure alike rather than on whichever ran then; the median of each.
 */
async function measure(workloads: Workload[]): Promise<Measured[]> {
  const samples: Sample[][] = workloads.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [index, workload] of workloads.entries()) {
      const { result, cpuMs } = await childrenCpuOf(workload.run);
      if (cpuMs === undefined) throw new Error("the bench reads CPU time from /proc: Linux only");
      samples[index].push({ ...result, cpuMs });
    }
  }
  return samples.map((each) => ({
    ms: median(each.map((s) => s.ms)),
    cpuMs: median(each.map((s) => s.cpuMs)),
    last: each[each.length - 1],
    samples: each,
  }));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (value: number) => `${value.toFixed(2)}x`;

/** The Retry-After the reference announced to the default run's rate-limit checks, in seconds. */
function retryAfterOf(run: SuiteRun): number {
  const check = run.checks.find((c) => c.id.endsWith("/rate-limit.retry-after"));
  const seconds = Number(check?.given);
  if (!Number.isInteger(seconds))
    throw new Error(`the default run reported no Retry-After (exit ${run.exitCode})`);
  return seconds;
}

async function main(): Promise<void> {
  const validators = ensureValidators();
  if (validators.startsWith("not built"))
    throw new Error(`the floor needs the schema validators: ${validators}`);
  // The requests of a green run, for the floor to send: recorded once, by a run not measured.
  const recorded = mkdtempSync(join(tmpdir(), "wc-bench-requests-"));
  try {
    const recording = await runSuite({ name: "bench/recording", env: { WC_REQUEST_LOG: recorded } });
    if (recording.exitCode !== 0) throw new Error(`the recording run failed (exit ${recording.exitCode})`);
    const [defaultRun, green, universal, broken, bare] = await measure([
      // `npm run conformance` with nothing configured: runSuite's self-test settings (rate-limit checks
      // off, a limit far above the documented one) undone, so blanks read as the documented defaults.
      suite({ name: "default", env: { WORKSPACE_RATE_LIMIT_CHECKS: "", WORKSPACE_RATE_LIMIT: "" } }),
      // The rest measure the suite, not the pacing: runSuite's high limit, rate-limit checks off.
      suite({ name: "green" }),
      suite({ name: "universal", faults: [UNIVERSAL_RULE] }),
      suite({ name: "broken", faults: BROKEN_RULES }),
      floor(recorded),
    ]);
    report(defaultRun, green, universal, broken, bare);
  } finally {
    rmSync(recorded, { recursive: true, force: true });
  }
}

function report(
  defaultRun: Measured,
  green: Measured,
  universal: Measured,
  broken: Measured,
  bare: Measured,
) {
  const run = (m: Measured) => m.last.suite as SuiteRun;
  const checks = run(green).checks.length;
  const counts = bare.last.floor ?? {};
  const accounting = run(defaultRun).accounting;
  if (!accounting) throw new Error(`the default run wrote no accounting (exit ${run(defaultRun).exitCode})`);
  const outsideRateLimit = run(defaultRun).checks.filter((check) => check.family !== "rate-limit").length;
  const requestsPerCheck = (accounting.total - accounting.rateLimitChecks) / outsideRateLimit;
  const defaultChecks = run(defaultRun).checks.length;
  const retryAfter = retryAfterOf(run(defaultRun));
  const wallAllowed = MAX_WALL_OVER_FLOOR * bare.ms + retryAfter * 1000;
  const peakRss = Math.max(...green.samples.map((s) => (s.suite as SuiteRun).peakRssBytes));
  process.stdout.write(
    [
      `Runs per figure: ${RUNS} (medians). This machine, these minutes:`,
      `  floor (bare client, ${counts.sent} requests, ${counts.sameStatus} with the recorded status): wall ${seconds(bare.ms)}, CPU ${seconds(bare.cpuMs)}`,
      `  green run (${checks} checks, ${run(green).requests} requests): wall ${seconds(green.ms)}, CPU ${seconds(green.cpuMs)} (runner, workers and reference), ${(green.cpuMs / checks).toFixed(2)} ms of CPU per check`,
      `  default run (${defaultChecks} checks, rate-limit checks on): wall ${seconds(defaultRun.ms)}, CPU ${seconds(defaultRun.cpuMs)}; Retry-After ${retryAfter} s`,
      `  ${UNIVERSAL_RULE} broken everywhere: wall ${seconds(universal.ms)}, ${run(universal).failed.length} failed checks`,
      `  five rules broken at once (no goal): wall ${seconds(broken.ms)}, ${run(broken).failed.length} failed checks, ${ratio(broken.ms / green.ms)} the green run`,
      "",
    ].join("\n"),
  );
  const rows: { figure: string; value: string; goal: string; met: boolean; note: string }[] = [
    {
      figure: "default run's wall over the floor's",
      value: ratio(defaultRun.ms / bare.ms),
      goal: `<= ${MAX_WALL_OVER_FLOOR}x + Retry-After`,
      met: defaultRun.ms <= wallAllowed && run(defaultRun).exitCode === 0,
      note: `${seconds(defaultRun.ms)} <= ${MAX_WALL_OVER_FLOOR} x ${seconds(bare.ms)} + ${retryAfter} s = ${seconds(wallAllowed)}; exit ${run(defaultRun).exitCode} (0 needed)`,
    },
    {
      figure: "suite's CPU over the floor's (green)",
      value: ratio(green.cpuMs / bare.cpuMs),
      goal: `<= ${MAX_CPU_OVER_FLOOR}x`,
      met: green.cpuMs <= MAX_CPU_OVER_FLOOR * bare.cpuMs,
      note: `${seconds(green.cpuMs)} / ${seconds(bare.cpuMs)}, the same requests`,
    },
    {
      figure: "requests per check, rate-limit checks aside",
      value: requestsPerCheck.toFixed(2),
      goal: `<= ${MAX_REQUESTS_PER_CHECK}`,
      met: requestsPerCheck <= MAX_REQUESTS_PER_CHECK,
      note: `default run's accounting: (${accounting.total} - ${accounting.rateLimitChecks} by the rate-limit checks) / ${outsideRateLimit} other checks`,
    },
    {
      figure: `failure cost: ${UNIVERSAL_RULE} everywhere`,
      value: ratio(universal.ms / green.ms),
      goal: `<= ${MAX_FAILURE_COST}x`,
      met: universal.ms / green.ms <= MAX_FAILURE_COST,
      note: `${seconds(universal.ms)} (exit ${run(universal).exitCode}) / green ${seconds(green.ms)}`,
    },
    {
      figure: "peak RSS, runner and workers (green)",
      value: `${Math.round(peakRss / 1e6)} MB`,
      goal: `< ${MAX_PEAK_RSS_BYTES / 1e6} MB`,
      met: peakRss < MAX_PEAK_RSS_BYTES,
      note: `the most of ${green.samples.length} run(s), sampled every 100 ms`,
    },
  ];
  for (const { figure, value, goal, met, note } of rows)
    process.stdout.write(
      `${figure.padEnd(44)} ${value.padStart(7)}  goal ${goal.padEnd(22)} ${(met ? "met" : "NOT MET").padEnd(7)}  ${note}\n`,
    );
  const unmet = rows.filter((row) => !row.met).map((row) => row.figure);
  process.stdout.write(unmet.length ? `goals not met: ${unmet.join("; ")}\n` : "all goals met\n");
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
