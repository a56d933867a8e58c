import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * What the main process loads and validates once (the contract, the profile) and its workers read
 * back: a worker restarts after every failed test, and parsing YAML and validating costs ~0.2 s each
 * time. Workers inherit the environment, which names a file (values may outgrow an environment string).
 */
const variable = (key: string) => `WC_${key}_FILE`;

export function handOver(key: string, value: unknown, env: NodeJS.ProcessEnv = process.env): void {
  const file = join(tmpdir(), `wc-${key.toLowerCase()}-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(value));
  env[variable(key)] = file;
  process.on("exit", () => {
    try {
      unlinkSync(file);
    } catch {
      // Already gone: nothing to clean.
    }
  });
}

/** The value handed over by the main process, or undefined in the main process itself. */
export function handedOver<T>(key: string, env: NodeJS.ProcessEnv = process.env): T | undefined {
  const file = env[variable(key)];
  return file ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

/**
 * True in the process the user started (`playwright test`): it loads and hands over. Playwright's
 * loader and worker processes evaluate the config too, but inherit the marker, so they only read.
 */
export function isMainProcess(env: NodeJS.ProcessEnv = process.env): boolean {
  env.WC_MAIN_PID ??= String(process.pid);
  return env.WC_MAIN_PID === String(process.pid);
}
