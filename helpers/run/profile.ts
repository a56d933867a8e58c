import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { handedOver, handOver } from "../contract/hand-over";
import { ConfigError } from "./config";

/** One entry of a profile: checks the deployment is known to fail, and why. */
export interface Deviation {
  /** A check id, or a pattern where `*` stands for any text. */
  checks: string;
  reason: string;
  source: string;
}

/**
 * What a deployment is expected to fail. The suite always checks the documented contract; a profile
 * only changes how a failure is reported: as a known deviation, not as a regression.
 */
export interface Profile {
  name: string;
  file?: string;
  description?: string;
  deviations: Deviation[];
  /** Modules the deployment must have, as WORKSPACE_REQUIRED_MODULES (the run requires both lists). */
  requiredModules?: string[];
}

export const PROFILES_DIR = join(__dirname, "..", "..", "profiles");

/** The default: the documented contract, every check expected to pass. */
export const DOCUMENTED: Profile = { name: "documented", deviations: [] };

export function profileNames(dir = PROFILES_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.replace(/\.yaml$/, ""));
}

/** Reads `profiles/<name>.yaml`; a missing or malformed file is a ConfigError naming the place. */
export function loadProfile(name: string, dir = PROFILES_DIR): Profile {
  if (name === DOCUMENTED.name) return DOCUMENTED;
  const file = join(dir, `${name}.yaml`);
  if (!existsSync(file)) {
    const known = [DOCUMENTED.name, ...profileNames(dir)].join(", ");
    throw new ConfigError(`WORKSPACE_PROFILE=${name}: there is no ${file}. Known profiles: ${known}.`);
  }
  // Loaded lazily: workers get the profile handed over and need no YAML parser.
  const { readYamlFile } = require("../contract/yaml-file") as typeof import("../contract/yaml-file");
  const problems: string[] = [];
  const read = readYamlFile<Omit<Profile, "name" | "file"> & { profile: string }>(
    file,
    "profile/profile-file.json",
    problems,
  );
  if (!read)
    throw new ConfigError(`The profile file is malformed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  if (read.data.profile !== name) {
    throw new ConfigError(
      `${read.at(["profile"])} profile: "${read.data.profile}" must match the file name "${name}".`,
    );
  }
  const { description, deviations, requiredModules } = read.data;
  return { name, file: read.shown, description, deviations, ...(requiredModules && { requiredModules }) };
}

let active: Profile | undefined;

/** The run's profile: loaded by the main process, handed to its workers. */
export function activeProfile(name: string): Profile {
  active ??= handedOver<Profile>("PROFILE") ?? loadProfile(name);
  return active;
}

export function shareProfile(profile: Profile): void {
  handOver("PROFILE", profile);
}

function matcher(pattern: string): RegExp {
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`);
}

export function deviationFor(profile: Profile, checkId: string): Deviation | undefined {
  return profile.deviations.find((deviation) => matcher(deviation.checks).test(checkId));
}
