/**
 * Where a green run's CPU time goes: the whole contract against the embedded reference (every
 * reporter on, the rate limit out of the way), with Node's --cpu-prof on the runner and on each
 * worker (they inherit it), summed by what the time was spent in. Run: npm run profile
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT, runSuite } from "../tests/support/run-suite";
import { childrenCpuOf } from "./cpu-time";

const PROFILES = join(ROOT, "reports", "profile");

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** What a function belongs to: a package, a folder of this project, Node itself, or V8's own work. */
function categoryOf({ functionName, url }: CpuProfile["nodes"][number]["callFrame"]): string {
  // V8's own work ("(garbage collector)") and natives by name: writeUtf8String is a worker's IPC, say.
  if (!url) return /^\(.*\)$/.test(functionName) ? functionName : `native ${functionName || "(anonymous)"}`;
  const inPackage = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inPackage) return inPackage[1];
  if (url.startsWith("node:")) return `node: ${url.slice(5).split("/").slice(0, 2).join("/")}`;
  const path = relative(ROOT, url.replace(/^file:\/\//, ""));
  const [top, folder] = path.split("/");
  return top === "helpers" && folder && !folder.endsWith(".ts") ? `${top}/${folder}` : top;
}

/** Self time (ms) per category of one profile (waiting, `(idle)`, left out), largest first. */
function summarise(profile: CpuProfile): { total: number; categories: [string, number][] } {
  const category = new Map(profile.nodes.map((node) => [node.id, categoryOf(node.callFrame)]));
  const time = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const name = category.get(id) ?? "(unknown)";
    if (name === "(idle)") return;
    time.set(name, (time.get(name) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  const categories = [...time].sort((a, b) => b[1] - a[1]);
  return { total: categories.reduce((sum, [, ms]) => sum + ms, 0), categories };
}

async function main(): Promise<void> {
  rmSync(PROFILES, { recursive: true, force: true });
  const { result: run, cpuMs } = await childrenCpuOf(() =>
    runSuite({
      name: "profile",
      fullReports: true,
      nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${PROFILES}`],
    }),
  );
  const checks = run.checks.length;
  process.stdout.write(
    `${checks} checks, ${run.requests} requests, ${(run.ms / 1000).toFixed(1)} s wall, exit ${run.exitCode}\n`,
  );
  // The OS's count (every thread, the kernel's work for the process included) is the figure to compare;
  // the samples below say where the main threads' time went, waits for a busy core included.
  if (cpuMs !== undefined)
    process.stdout.write(
      `CPU time, runner, workers and reference (from the OS): ${(cpuMs / 1000).toFixed(2)} s, ${(cpuMs / checks).toFixed(2)} ms per check\n`,
    );
  // CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: the runner's pid is the lowest.
  const files = readdirSync(PROFILES).filter((file) => file.endsWith(".cpuprofile"));
  const pids = [...new Set(files.map((file) => Number(file.split(".")[3])))].sort((a, b) => a - b);
  let sampled = 0;
  for (const pid of pids) {
    const mine = files.filter((file) => Number(file.split(".")[3]) === pid);
    const summaries = mine.map((file) => summarise(JSON.parse(readFileSync(join(PROFILES, file), "utf8"))));
    const total = summaries.reduce((sum, s) => sum + s.total, 0);
    sampled += total;
    const merged = new Map<string, number>();
    for (const { categories } of summaries)
      for (const [name, ms] of categories) merged.set(name, (merged.get(name) ?? 0) + ms);
    const role = pid === pids[0] ? "runner (with the reference, the budget and the reporters)" : "worker";
    process.stdout.write(`\n${role}, pid ${pid}: ${(total / 1000).toFixed(2)} s of CPU\n`);
    for (const [name, ms] of [...merged].sort((a, b) => b[1] - a[1]).slice(0, 12))
      process.stdout.write(
        `  ${name.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)}%\n`,
      );
  }
  process.stdout.write(
    `\nSampled in all: ${(sampled / 1000).toFixed(2)} s, ${(sampled / checks).toFixed(2)} ms per check\nProfiles (open in Chrome DevTools or VS Code): ${relative(ROOT, PROFILES)}/\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
