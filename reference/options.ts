import { parseFaults } from "./faults";
import type { InstanceSettings } from "./instance";
import { parseModuleSwitches } from "./module-switches";
import { profileSwitches } from "./profiles";
import { ROUTES } from "./routes";
import { parseVariants } from "./variants";

export interface ReferenceOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** e.g. "/portal": the API then lives under /portal/api/2.0/. Default "". */
  pathPrefix?: string;
  /** Names from FAULTS; an unknown name throws. */
  faults?: string[];
  /** Names from VARIANTS; an unknown name throws. */
  variants?: string[];
  /** A name from REFERENCE_PROFILES: imitate that real deployment (its faults and variants are added). */
  profile?: string;
  /** Default { limit: 500, windowSeconds: 10 }, the documented limit. */
  rateLimit?: { limit: number; windowSeconds: number };
  /** Default 1 MiB; a larger body answers 413. */
  maxBodyBytes?: number;
  /** Modules (first segment under api/2.0/) that are not installed: their routes answer an HTML 404 page. */
  withoutModules?: string[];
  /** Modules switched off: 403 with the envelope, "Forbidden". */
  disabledModules?: string[];
}

export interface ResolvedOptions extends InstanceSettings {
  port: number;
  host: string;
}

function positive(name: string, value: number, integer: boolean): number {
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be a positive ${integer ? "integer" : "number"}, got ${value}`);
  }
  return value;
}

/** "/portal/" and "portal" both mean "/portal"; "" and "/" mean no prefix. */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, "");
  if (/[?#\s]/.test(trimmed)) throw new Error(`Invalid path prefix "${prefix}"`);
  return trimmed ? `/${trimmed}` : "";
}

export function resolveOptions(options: ReferenceOptions = {}): ResolvedOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`port must be 0-65535, got ${port}`);
  const rateLimit = options.rateLimit ?? { limit: 500, windowSeconds: 10 };
  const imitated = profileSwitches(options.profile);
  return {
    port,
    host: options.host ?? "127.0.0.1",
    prefix: normalizePrefix(options.pathPrefix ?? ""),
    faults: parseFaults([...imitated.faults, ...(options.faults ?? [])]),
    variants: parseVariants([...imitated.variants, ...(options.variants ?? [])]),
    modules: parseModuleSwitches(
      ROUTES.map((route) => route.path),
      options.withoutModules,
      options.disabledModules,
    ),
    maxBodyBytes: positive("maxBodyBytes", options.maxBodyBytes ?? 1024 * 1024, true),
    rateLimit: {
      limit: positive("rateLimit.limit", rateLimit.limit, true),
      windowSeconds: positive("rateLimit.windowSeconds", rateLimit.windowSeconds, false),
    },
  };
}
