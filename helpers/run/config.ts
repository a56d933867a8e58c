import dotenv from "dotenv";

/** What the suite runs against and how: read once from the environment (and `.env`), validated. */
export interface SuiteConfig {
  /** Portal root as given (with a trailing slash); undefined means "start the embedded reference". */
  url?: string;
  user?: string;
  password?: string;
  /** Write checks (create, update, delete) are allowed: always on the embedded reference, opt-in elsewhere. */
  allowWrites: boolean;
  /**
   * Settings that could lock the run's account or other people out (`locksOut` in the contract) are
   * written too: always on the embedded reference, a second opt-in elsewhere (WORKSPACE_ALLOW_SETTINGS_WRITES).
   */
  allowSettingsWrites: boolean;
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
  ignoreHttpsErrors: boolean;
  /** The documented rate limit the deployment enforces: requests per window, per IP and account. */
  rateLimit: { limit: number; windowSeconds: number };
  /** Run the rate-limit checks (they trip the limit on purpose); off for deployments that must not be throttled. */
  rateLimitChecks: boolean;
  /** Another account on the same deployment, for the rate limit's keying (WORKSPACE_SECOND_USER/_PASSWORD). */
  secondAccount?: { user: string; password: string };
  reportsDir: string;
  /** The deployment's profile: which checks it is known to fail (`profiles/<name>.yaml`). */
  profile: string;
  /** A check the profile lists as failing that passes fails the run, so the list stays true. */
  failOnFixed: boolean;
  /** Also write a blob report, for merge-reports (on by itself with --shard). */
  blobReport: boolean;
  /** Attach a passing check's evidence too (requests and responses); by default only checks that did not pass carry it. */
  evidenceOfPassing: boolean;
  /** `full`: every auth case on every operation; `representative`: all cases on one read per section. */
  authMatrix: "representative" | "full";
  /** Modules (contract sections) the deployment must have: one that is unavailable fails the run. */
  requiredModules: string[];
}

/** A configuration problem, stated with its fix; the runner prints the message without a stack. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

let loaded = false;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): SuiteConfig {
  if (!loaded && env === process.env) {
    dotenv.config({ quiet: true });
    loaded = true;
  }
  const url = normaliseUrl(blankToUndefined(env.WORKSPACE_URL));
  const user = blankToUndefined(env.WORKSPACE_USER);
  const password = blankToUndefined(env.WORKSPACE_PASSWORD);
  if (url && (!user || !password)) {
    throw new ConfigError(
      `WORKSPACE_URL is set (${url}) but ${!user ? "WORKSPACE_USER" : "WORKSPACE_PASSWORD"} is not. ` +
        "Set both in the environment or in .env (see .env.example), or unset WORKSPACE_URL to run against the embedded reference.",
    );
  }
  return {
    url,
    user,
    password,
    allowWrites: url ? parseBoolean(env, "WORKSPACE_ALLOW_WRITES", false) : true,
    allowSettingsWrites: url ? parseBoolean(env, "WORKSPACE_ALLOW_SETTINGS_WRITES", false) : true,
    timeoutMs: parsePositiveInt(env, "WORKSPACE_TIMEOUT_MS", 10_000),
    ignoreHttpsErrors: parseBoolean(env, "WORKSPACE_IGNORE_HTTPS_ERRORS", false),
    rateLimit: {
      limit: parsePositiveInt(env, "WORKSPACE_RATE_LIMIT", 500),
      windowSeconds: parsePositiveInt(env, "WORKSPACE_RATE_WINDOW", 10),
    },
    rateLimitChecks: parseBoolean(env, "WORKSPACE_RATE_LIMIT_CHECKS", true),
    secondAccount: parseSecondAccount(env),
    reportsDir: blankToUndefined(env.WORKSPACE_REPORTS_DIR) ?? "reports",
    profile: parseProfileName(blankToUndefined(env.WORKSPACE_PROFILE)),
    failOnFixed: parseBoolean(env, "WORKSPACE_FAIL_ON_FIXED", true),
    blobReport: parseBoolean(env, "WORKSPACE_BLOB", false),
    evidenceOfPassing: parseBoolean(env, "WORKSPACE_EVIDENCE_OF_PASSING", false),
    authMatrix: parseAuthMatrix(blankToUndefined(env.WORKSPACE_AUTH_MATRIX)),
    requiredModules: parseModuleList(env, "WORKSPACE_REQUIRED_MODULES"),
  };
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function normaliseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(
      `WORKSPACE_URL is not a URL: "${raw}". Give the portal's root, e.g. https://staging.example.com`,
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new ConfigError(`WORKSPACE_URL must use http or https, not "${parsed.protocol}" (got "${raw}").`);
  }
  if (parsed.username || parsed.password) {
    throw new ConfigError(
      "WORKSPACE_URL must not carry credentials; use WORKSPACE_USER and WORKSPACE_PASSWORD.",
    );
  }
  // The suite appends api/2.0/...; a portal root given with or without a trailing slash, or with a
  // path prefix, resolves the same way once it ends with "/". A given api/2.0 tail is dropped.
  let path = parsed.pathname.replace(/\/+$/, "").replace(/\/api\/2\.0$/, "");
  path = `${path}/`;
  return `${parsed.origin}${path}`;
}

function parseBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = blankToUndefined(env[name]);
  if (value === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}".`);
}

function parseAuthMatrix(value: string | undefined): SuiteConfig["authMatrix"] {
  if (value === undefined || value === "representative" || value === "full") return value ?? "representative";
  throw new ConfigError(`WORKSPACE_AUTH_MATRIX must be "full" or "representative", got "${value}".`);
}

/** `people, files` -> ["people", "files"]; whether each is a module of the contract is checked with the contract. */
function parseModuleList(env: NodeJS.ProcessEnv, name: string): string[] {
  const names = (blankToUndefined(env[name]) ?? "")
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  const bad = names.find((item) => !/^[a-z][a-z0-9-]*$/.test(item));
  if (bad !== undefined)
    throw new ConfigError(`${name} must be a comma list of module names such as people,files, got "${bad}".`);
  return [...new Set(names)];
}

function parseProfileName(value: string | undefined): string {
  if (value === undefined) return "documented";
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(value)) {
    throw new ConfigError(
      `WORKSPACE_PROFILE must be a profile name such as communityserver-12, got "${value}".`,
    );
  }
  return value;
}

function parseSecondAccount(env: NodeJS.ProcessEnv): SuiteConfig["secondAccount"] {
  const user = blankToUndefined(env.WORKSPACE_SECOND_USER);
  const password = blankToUndefined(env.WORKSPACE_SECOND_PASSWORD);
  if (!user && !password) return undefined;
  if (!user || !password) {
    throw new ConfigError(
      `${user ? "WORKSPACE_SECOND_USER" : "WORKSPACE_SECOND_PASSWORD"} is set but ${user ? "WORKSPACE_SECOND_PASSWORD" : "WORKSPACE_SECOND_USER"} is not: set both (a second account, for the rate limit's keying) or neither.`,
    );
  }
  return { user, password };
}

function parsePositiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = blankToUndefined(env[name]);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) <= 0) {
    throw new ConfigError(`${name} must be a positive whole number, got "${value}".`);
  }
  return Number(value);
}
