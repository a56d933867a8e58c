import type { Operation } from "../contract/contract";
import type { Check, CheckContext, CheckResult, Family } from "./check";
import { checkId, wasNotSent } from "./check";
import { formatChecks } from "./format";
import { notFoundChecks } from "./not-found";
import { parityChecks } from "./parity";
import { requestBodyChecks } from "./request-body";
import { restoreChecks } from "./restore";
import { roundTripChecks } from "./round-trip";
import { schemaChecks } from "./schema";
import { statusChecks, writeStatusChecks } from "./status";

export const ALL_CHECKS: Check[] = [
  ...statusChecks,
  // Right after the plain request: an update's record is read back before its other requests (XML,
  // the default format, the form body) change it again.
  ...roundTripChecks,
  ...writeStatusChecks,
  ...notFoundChecks,
  ...formatChecks,
  ...requestBodyChecks,
  // After the reads that show the setting changed (a void write's request bodies read it back too);
  // the ledger sets it back again at the end of the test.
  ...restoreChecks,
  ...parityChecks,
  ...schemaChecks,
];

export function checksOf(family: Family): Check[] {
  return ALL_CHECKS.filter((check) => check.family === family);
}

function resultBase(op: Operation, check: Check, evidence: CheckResult["exchanges"]) {
  return {
    id: checkId(op, check),
    section: op.section,
    operation: op.id,
    family: check.family,
    check: check.name,
    rule: check.rule,
    exchanges: evidence,
    ...(check.informational && { informational: true as const }),
  };
}

/** A check that is not run, with the reason (its module is unavailable): nothing is sent. */
export function skippedCheck(op: Operation, check: Check, why: string): CheckResult {
  const given = "not run";
  return { ...resultBase(op, check, []), outcome: "skipped", expected: "the check to run", given, why };
}

/** Runs one check; an exception (a refused write, a missing fixture) becomes its result, never a crash. */
export async function runCheck(
  op: Operation,
  check: Check,
  ctx: CheckContext,
  evidence: CheckResult["exchanges"],
) {
  const base = resultBase(op, check, evidence);
  try {
    const { inconclusive, ...verdict } = await check.run(op, ctx);
    const outcome = inconclusive ? "inconclusive" : verdict.passed ? "passed" : "failed";
    return { ...base, ...verdict, outcome } satisfies CheckResult;
  } catch (error) {
    const why = (error as Error).message;
    // Not sent at all (a write not allowed, a run that stopped, no record to read): skipped.
    const outcome = wasNotSent(error) ? "skipped" : "failed";
    return { ...base, outcome, expected: "the check to run", given: why, why } satisfies CheckResult;
  }
}
