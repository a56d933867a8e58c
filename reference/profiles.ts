import type { FaultName } from "./faults";
import type { VariantName } from "./variants";

interface ReferenceProfile {
  description: string;
  /** Documented rules the real server breaks. */
  faults: readonly FaultName[];
  /** Where it differs from the reference in ways the documentation allows. */
  variants: readonly VariantName[];
}

/**
 * Real deployments the reference can imitate (`--profile`), so that the suite's profiles of
 * expectations (profiles/*.yaml) are themselves tested. Each is read from the facts file.
 */
export const REFERENCE_PROFILES = {
  "communityserver-12": {
    description:
      "ONLYOFFICE Workspace Community Server 12.x as its source shows (workspace-api-facts.md): JSON by default, Accept ignored, 403 for an unknown folder or file, no rate limiter",
    faults: ["json-by-default", "accept-ignored", "files-not-found-returns-403", "no-rate-limit"],
    // Its content types and JSON strings (workspace-api-facts.md §0, §1, §3).
    variants: ["text-xml", "charset-uppercase", "escaped-slashes"],
  },
} as const satisfies Record<string, ReferenceProfile>;

/** The faults and variants a profile stands for; an unknown name throws, listing the known ones. */
export function profileSwitches(name: string | undefined): { faults: string[]; variants: string[] } {
  if (!name) return { faults: [], variants: [] };
  const profile = (REFERENCE_PROFILES as Record<string, ReferenceProfile>)[name];
  if (!profile) {
    throw new Error(`Unknown profile "${name}"; known: ${Object.keys(REFERENCE_PROFILES).join(", ")}`);
  }
  return { faults: [...profile.faults], variants: [...profile.variants] };
}
