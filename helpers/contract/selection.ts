/**
 * `--grep` narrowed to checks. A contract test covers several sections and every check family, so it
 * carries all their tags; Playwright selects it by title and tags, and its steps are narrowed here to
 * the checks whose own title and tags match. Playwright keeps the CLI's grep in the main process, so
 * the config hands it to the workers in the environment.
 */

const GREP = "WC_GREP";
const GREP_INVERT = "WC_GREP_INVERT";
const SHARD = "WC_SHARD";

/** `--grep X`, `--grep=X`, `-g X`, `-gX` (and the same for `--grep-invert`), the last one winning. */
export function cliGrep(argv: readonly string[]): { grep?: string; grepInvert?: string } {
  const found: { grep?: string; grepInvert?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (long: string, short?: string): string | undefined => {
      if (arg === long || arg === short) return argv[++i];
      if (arg.startsWith(`${long}=`)) return arg.slice(long.length + 1);
      if (short && arg.startsWith(short) && !arg.startsWith("--") && arg.length > short.length)
        return arg.slice(short.length);
      return undefined;
    };
    const key = arg.startsWith("--grep-invert") ? "grepInvert" : "grep";
    const given = key === "grepInvert" ? value("--grep-invert") : value("--grep", "-g");
    if (given !== undefined) found[key] = given;
  }
  return found;
}

/** `--shard i/n` (or `--shard=i/n`). */
export function cliShard(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((arg) => arg === "--shard" || arg.startsWith("--shard="));
  if (at < 0) return undefined;
  return argv[at] === "--shard" ? argv[at + 1] : argv[at].slice("--shard=".length);
}

/** Called in the main process only: its loader and workers inherit the environment, not its argv. */
export function exportCliSelection(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  const { grep, grepInvert } = cliGrep(argv);
  env[GREP] = grep ?? "";
  env[GREP_INVERT] = grepInvert ?? "";
  env[SHARD] = cliShard(argv) ?? "";
}

/** The run's `--shard i/n`, as the main process got it (exported to its workers), if any. */
export function shardOf(
  env: NodeJS.ProcessEnv = process.env,
): { current: number; total: number } | undefined {
  const [current, total] = (env[SHARD] ?? "").split("/").map(Number);
  return current > 0 && total > 0 ? { current, total } : undefined;
}

/** Playwright's reading of a pattern: `/re/flags` as written, anything else case-insensitive. */
function toRegExp(pattern: string): RegExp {
  const literal = pattern.match(/^\/(.*)\/([gi]*)$/);
  return literal ? new RegExp(literal[1], literal[2]) : new RegExp(pattern, "i");
}

/** Whether a step with this grep title (title path and tags, as Playwright matches tests) is selected. */
export function selects(grepTitle: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const grep = env[GREP];
  const invert = env[GREP_INVERT];
  if (invert && toRegExp(invert).test(grepTitle)) return false;
  return !grep || toRegExp(grep).test(grepTitle);
}

/**
 * A test's tags but those `--grep-invert` matches: Playwright would leave out the whole test for one
 * of them, so `--grep-invert @format` keeps it, and `selects` leaves out its format checks.
 */
export function tagsKeptByInvert(tags: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const invert = env[GREP_INVERT];
  return invert ? tags.filter((tag) => !toRegExp(invert).test(tag)) : tags;
}
