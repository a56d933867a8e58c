import { parseFaults } from "./faults";
import type { InstanceSettings } from "./instance";
import { parseModuleSwitches } from "./module-switches";
import { profileSwitches } from "./profiles";
import { ROUTES } from "./routes";
import type { FreshPortal } from "./store/model";
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
  /**
   * A freshly installed portal instead of the seeded one: the admin, the built-in folders and lists,
   * nothing else. The CRM's lists exist once someone opened the CRM (`crm-opened`), not before.
   */
  empty?: EmptyPortal;
}

export const EMPTY_PORTALS = {
  "crm-opened": "a fresh install where someone has opened the CRM once: its built-in lists exist",
  "crm-never-opened": "a fresh install where nobody has opened the CRM: it has no lists at all",
} as const;
export type EmptyPortal = keyof typeof EMPTY_PORTALS;

/**
 * `--empty[=KIND]` and WORKSPACE_REFERENCE_EMPTY / REFERENCE_EMPTY: "" and "false" mean the seeded
 * portal, "true" (or nothing after `--empty`) `crm-opened`; any other word must be a kind.
 */
export function parseEmpty(text: string | undefined): EmptyPortal | undefined {
  const value = (text ?? "").trim().toLowerCase();
  if (value === "" || value === "false") return undefined;
  if (value === "true") return "crm-opened";
  if (value in EMPTY_PORTALS) return value as EmptyPortal;
  throw new Error(
    `unknown empty portal "${text}": one of ${Object.keys(EMPTY_PORTALS).join(", ")} (or true, false)`,
  );
}

export interface ResolvedOptions extends InstanceSettings {
  /** Set for a fresh install (`empty`). */
  fresh?: FreshPortal;
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
    ...(options.empty && { fresh: { crmOpened: parseEmpty(options.empty) === "crm-opened" } }),
    rateLimit: {
      limit: positive("rateLimit.limit", rateLimit.limit, true),
      windowSeconds: positive("rateLimit.windowSeconds", rateLimit.windowSeconds, false),
    },
  };
}
