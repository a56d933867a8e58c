import { ConfigError } from "./config";
import { ContractError } from "./contract";

/** Runs `load`; a configuration or contract mistake ends the process with its message and no stack. */
export function failFast<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ContractError) {
      process.stderr.write(`\n${error.message}\n\n`);
      process.exit(2);
    }
    throw error;
  }
}
