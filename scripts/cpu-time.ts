import { readFileSync } from "node:fs";

/** Linux's clock ticks per second (USER_HZ), which /proc counts CPU time in. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user and system, ms) of this process's children that have ended, with theirs in turn:
 * a run's runner, its workers, the embedded reference in the runner, whatever they spent it on (the
 * kernel's unlink and write included, which a profile's samples misjudge). Undefined without /proc.
 */
export function endedChildrenCpuMs(): number | undefined {
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th.
    const fields = readFileSync("/proc/self/stat", "utf8").split(")").pop()?.trim().split(" ") ?? [];
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** What `work` cost its child processes in CPU time (ms), once they ended; undefined without /proc. */
export async function childrenCpuOf<T>(work: () => Promise<T>): Promise<{ result: T; cpuMs?: number }> {
  const before = endedChildrenCpuMs();
  const result = await work();
  const after = endedChildrenCpuMs();
  return { result, cpuMs: before === undefined || after === undefined ? undefined : after - before };
}
