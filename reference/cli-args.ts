import { type EmptyPortal, parseEmpty, type ReferenceOptions } from "./options";

export interface CliCommand {
  list: boolean;
  help: boolean;
  options: ReferenceOptions;
}

/** What `--help` prints, and `--list` before its catalogues. */
export const USAGE = `Usage: npm run reference -- [options]
  --port N          listen on port N (default 8080; REFERENCE_PORT)
  --host H          listen on host H (default 127.0.0.1)
  --prefix P        serve the API under a path prefix, e.g. /portal
  --profile NAME    imitate a real deployment (REFERENCE_PROFILE)
  --fault NAME      break one documented rule; repeat or comma-separate (REFERENCE_FAULTS)
  --variant NAME    a legitimate wire variation; repeat or comma-separate (REFERENCE_VARIANTS)
  --rate-limit N    requests allowed per window, per IP and account (default 500, the documented limit)
  --rate-window S   the rate limit's window in seconds (default 10); past the limit: 503 with Retry-After
  --empty[=KIND]    a freshly installed portal: the admin, built-in folders and lists, nothing else;
                    KIND crm-opened (default: the CRM's built-in lists exist) or crm-never-opened
                    (REFERENCE_EMPTY)
  --list            this, then every fault, variant and profile
  --help            this`;

/** A user error in the arguments: main prints its message alone and exits 2. */
export class UsageError extends Error {}

const commaList = (text: string | undefined) =>
  (text ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

function empty(source: string, text: string | undefined): EmptyPortal | undefined {
  try {
    return parseEmpty(text);
  } catch (error) {
    throw new UsageError(`${source}: ${(error as Error).message}`);
  }
}

function number(flag: string, text: string | undefined): number {
  const value = Number(text);
  if (text === undefined || text.trim() === "" || !Number.isFinite(value)) {
    throw new UsageError(`${flag} needs a number, got ${text === undefined ? "nothing" : `"${text}"`}`);
  }
  return value;
}

/**
 * `[--port N] [--host H] [--prefix P] [--profile NAME] [--fault NAME]... [--variant NAME]... [--rate-limit N]
 * [--rate-window S] [--without-module M]... [--disable-module M]... [--empty[=KIND]] [--list] [--help]`;
 * REFERENCE_PORT, REFERENCE_PROFILE, REFERENCE_FAULTS, REFERENCE_VARIANTS, REFERENCE_WITHOUT_MODULES and
 * REFERENCE_DISABLED_MODULES (comma lists) and REFERENCE_EMPTY supply defaults, flags add to or override them.
 */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliCommand {
  const options: ReferenceOptions = {
    port: env.REFERENCE_PORT ? number("REFERENCE_PORT", env.REFERENCE_PORT) : 8080,
    faults: commaList(env.REFERENCE_FAULTS),
    variants: commaList(env.REFERENCE_VARIANTS),
    profile: env.REFERENCE_PROFILE?.trim() || undefined,
    withoutModules: commaList(env.REFERENCE_WITHOUT_MODULES),
    disabledModules: commaList(env.REFERENCE_DISABLED_MODULES),
    empty: empty("REFERENCE_EMPTY", env.REFERENCE_EMPTY),
  };
  let list = false;
  let help = false;
  let limit = 500;
  let windowSeconds = 10;
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index] ?? "";
    if (flag === "--empty" || flag.startsWith("--empty=")) {
      options.empty = empty("--empty", flag === "--empty" ? "true" : flag.slice("--empty=".length));
      continue;
    }
    const value = () => {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith("--")) throw new UsageError(`${flag} needs a value`);
      index += 1;
      return next;
    };
    switch (flag) {
      case "--port":
        options.port = number(flag, value());
        break;
      case "--host":
        options.host = value();
        break;
      case "--prefix":
        options.pathPrefix = value();
        break;
      case "--fault":
        options.faults?.push(...commaList(value()));
        break;
      case "--profile":
        options.profile = value();
        break;
      case "--variant":
        options.variants?.push(...commaList(value()));
        break;
      case "--without-module":
        options.withoutModules?.push(...commaList(value()));
        break;
      case "--disable-module":
        options.disabledModules?.push(...commaList(value()));
        break;
      case "--rate-limit":
        limit = number(flag, value());
        break;
      case "--rate-window":
        windowSeconds = number(flag, value());
        break;
      case "--list":
        list = true;
        break;
      case "--help":
        help = true;
        break;
      default:
        throw new UsageError(`unknown argument "${flag}" (--help lists the options)`);
    }
  }
  options.rateLimit = { limit, windowSeconds };
  return { list, help, options };
}
