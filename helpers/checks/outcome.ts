import { deviationFor, type Profile } from "../run/profile";
import type { CheckResult } from "./check";

// What a check found is judged last by what the run knows beyond the check: whether the deployment
// throttled the suite early (helpers/http/throttle.ts), and what the deployment's profile expects.

/** A check that met an early throttle fails with it, whatever it found otherwise (informational too). */
export function withEarlyThrottle(result: CheckResult): CheckResult {
  const throttle = result.exchanges.find((exchange) => exchange.throttledEarly)?.throttledEarly;
  if (!throttle) return result;
  const { informational: _, ...rest } = result;
  return {
    ...rest,
    outcome: "failed",
    expected: "no 503 while the suite keeps within its request budget",
    given: throttle,
    why: throttle,
  };
}

/** A failure the profile lists becomes a known deviation; a listed check that passes, fixed. */
export function applyProfile(result: CheckResult, profile: Profile): CheckResult {
  const deviation = deviationFor(profile, result.id);
  if (!deviation) return result;
  const listed = { ...deviation, profile: profile.name };
  if (result.outcome === "failed") return { ...result, outcome: "deviated", deviation: listed };
  if (result.outcome === "passed") {
    return {
      ...result,
      outcome: "fixed",
      deviation: listed,
      why: `profile ${profile.name} lists this check as failing ("${deviation.reason}"), but it passed: remove "${deviation.checks}" from ${profile.file ?? "the profile"} if the deployment is fixed`,
    };
  }
  return result;
}
