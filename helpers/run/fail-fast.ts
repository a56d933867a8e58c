import { ContractError } from "../contract/contract";
import { TargetError } from "../http/session";
import { ConfigError } from "./config";

/** Mistakes a user fixes from the message alone: printed without a stack, and the run ends (exit 2). */
function isUserFacing(error: unknown): error is Error {
  return error instanceof ConfigError || error instanceof ContractError || error instanceof TargetError;
}

function stop(error: Error): never {
  process.stderr.write(`\n${error.message}\n\n`);
  process.exit(2);
}

/** Runs `load`; a configuration or contract mistake ends the process with its message and no stack. */
export function failFast<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (isUserFacing(error)) stop(error);
    throw error;
  }
}

/** The same for asynchronous work, such as reaching the target and logging in. */
export async function failFastAsync<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUserFacing(error)) stop(error);
    throw error;
  }
}
