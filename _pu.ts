import { rmSync } from "node:fs";
import { childrenCpuOf } from "./scripts/cpu-time";
import { runSuite } from "./tests/support/run-suite";

rmSync("/tmp/pu", { recursive: true, force: true });
childrenCpuOf(() =>
  runSuite({
    name: "pu",
    fullReports: true,
    faults: ["json-by-default"],
    nodeArgs: ["--cpu-prof", "--cpu-prof-dir=/tmp/pu"],
  }),
).then(({ result, cpuMs }) =>
  console.log(result.exitCode, result.failed.length, "cpu", cpuMs, "wall", result.ms),
);
