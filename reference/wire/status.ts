import type { ActiveFaults } from "../faults";

/** What a successful handler did; the HTTP status follows from it. */
export type Outcome = "read" | "created" | "updated" | "deleted" | "signed-in";

/**
 * Basic concepts: creating a record answers 201 Created, any other success 200. Signing in is a
 * POST too and the server answers it 201 like every POST, but it creates no record, so the
 * create-returns-200 fault leaves it alone.
 */
export function successStatus(outcome: Outcome, faults: ActiveFaults): number {
  switch (outcome) {
    case "created":
      return faults.has("create-returns-200") ? 200 : 201;
    case "signed-in":
      return faults.has("login-returns-200") ? 200 : 201;
    case "deleted":
      return faults.has("delete-returns-204") ? 204 : 200;
    default:
      return 200;
  }
}
