import type { Operation } from "./contract";

/**
 * Whether the run may write: a POST, PUT or DELETE, and a GET whose contract says it has side
 * effects (`effects:`, e.g. `calendar/calendars/{startDate}/{endDate}` creates a calendar on first
 * call). The client refuses the former by their method; a GET looks harmless to it, so an operation
 * with effects is refused here, before its request is built.
 */
export interface WritePolicy {
  /** WORKSPACE_ALLOW_WRITES (always true against the embedded reference). */
  allowWrites: boolean;
  /** WORKSPACE_ALLOW_SETTINGS_WRITES: writes marked `locksOut` too (always true against the embedded reference). */
  allowSettingsWrites?: boolean;
  /** The embedded reference: seeded afresh for each run, so an effect nobody can undo harms nothing. */
  disposable: boolean;
}

/**
 * Why the operation's request must not be sent, or undefined when it may be. A POST, PUT or DELETE
 * is refused here too, before a creation is written to the run's ledger (an unanswered creation
 * makes teardown search the deployment's lists for leftovers).
 */
export function effectRefusal(op: Operation, policy: WritePolicy): string | undefined {
  if (op.method !== "GET" && !policy.allowWrites)
    return `refused to send ${op.method} ${op.path}: writes to this deployment are not allowed (set WORKSPACE_ALLOW_WRITES=true to allow them)`;
  if (op.locksOut && !policy.disposable && !policy.allowSettingsWrites)
    return `refused to send ${op.method} ${op.path}: a setting that could lock the run's account or other people out is written only with WORKSPACE_ALLOW_SETTINGS_WRITES=true as well`;
  if (!op.effects) return undefined;
  const what = `${op.method} ${op.path} has side effects (${op.effects}), so it counts as a write`;
  if (!policy.allowWrites)
    return `${what}: writes to this deployment are not allowed (set WORKSPACE_ALLOW_WRITES=true to allow them)`;
  if (!op.undo && !policy.disposable)
    return `${what}, and the contract has no undo for it: it is not sent even with WORKSPACE_ALLOW_WRITES=true, as its effect would stay`;
  return undefined;
}
