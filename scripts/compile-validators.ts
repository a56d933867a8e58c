/**
 * Builds the schemas' validators ahead of any run (helpers/contract/compiled-validators.ts), into
 * node_modules/.cache/ (not committed). `npm ci` runs it (prepare); a run rebuilds them by itself when the schemas
 * changed. Run: npm run compile-validators
 */
import { relative } from "node:path";
import { VALIDATORS_FILE } from "../helpers/contract/compiled-validators";
import { ensureValidators } from "../helpers/contract/schemas";

try {
  // Not built is no error (npm ci must not fail on it): the validators are compiled at run time then.
  process.stdout.write(
    `schema validators ${relative(process.cwd(), VALIDATORS_FILE)}: ${ensureValidators()}\n`,
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
