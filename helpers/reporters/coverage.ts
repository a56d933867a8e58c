import { FAMILIES, type Outcome } from "../checks/check";
import { LOGIN_OPERATION } from "../checks/login";
import {
  type DocumentedOperation,
  documentedMatcher,
  documentedOperations,
  isWrite,
} from "../contract/documented";
import { contracts } from "../contract/loader";
import { type NotCheckedWrite, notCheckedWrites } from "../contract/not-checked";

/** What the coverage needs of a check and of the operation it ran on. */
export interface CoveredCheck {
  section: string;
  operation: string;
  family: string;
  outcome: Outcome;
}
export interface OwnOperation {
  key: string;
  section: string;
  id: string;
  method: string;
  path: string;
}

export interface OperationCoverage {
  documented?: DocumentedOperation;
  operation: OwnOperation;
  /** Check families that ran on it (not skipped), with how many of their checks passed. */
  families: { family: string; passed: number; ran: number }[];
}

export interface Coverage {
  /** Our operations whose checks ran, with the documented operation each one is. */
  exercised: OperationCoverage[];
  /** Per documentation module: documented operations (and GETs) and how many of them were exercised. */
  modules: {
    module: string;
    documented: number;
    exercised: number;
    documentedGet: number;
    exercisedGet: number;
    writes: WriteCounts;
  }[];
  documented: number;
  documentedGet: number;
  writes: WriteCounts;
  /** The documented writes not checked, each with its reason (specs/coverage/not-checked/<module>.yaml). */
  notChecked: NotCheckedWrite[];
}

/** A module's documented writes: checked by the contract, listed as not checked, and the rest (not yet checked). */
export interface WriteCounts {
  documented: number;
  checked: number;
  /** Of the checked, those whose checks this run ran (none in a read-only run, where writes are skipped). */
  exercised: number;
  notChecked: number;
  notYetChecked: number;
}

/** Which documented operations this run's checks exercised: matched by method and path. */
export function coverage(
  operations: OwnOperation[],
  checks: CoveredCheck[],
  documented: DocumentedOperation[],
  notChecked: NotCheckedWrite[] = [],
): Coverage {
  const documentedOf = documentedMatcher(documented);
  // Indexed once: thousands of checks on hundreds of operations.
  const ranOn = new Map<string, CoveredCheck[]>();
  for (const c of checks) {
    // A module check only probes whether the module is there: it exercises nothing.
    if (c.outcome === "skipped" || c.family === "module") continue;
    const key = `${c.section}.${c.operation}`;
    ranOn.set(key, [...(ranOn.get(key) ?? []), c]);
  }
  const exercised: OperationCoverage[] = [];
  for (const operation of operations) {
    const ran = ranOn.get(`${operation.section}.${operation.id}`) ?? [];
    if (!ran.length) continue;
    const order = (family: string) => (FAMILIES as readonly string[]).indexOf(family);
    const families = [...new Set(ran.map((c) => c.family))]
      .sort((a, b) => order(a) - order(b))
      .map((family) => {
        const mine = ran.filter((c) => c.family === family);
        return { family, passed: mine.filter((c) => c.outcome === "passed").length, ran: mine.length };
      });
    exercised.push({
      operation,
      documented: documentedOf(operation.method, operation.path),
      families,
    });
  }
  const hit = new Set(exercised.flatMap((e) => (e.documented ? [e.documented] : [])));
  // By method and path: the list may have been read with another copy of the documented operations.
  const key = (d: DocumentedOperation) => `${d.verb} ${d.path}`;
  const listed = new Set(notChecked.map((n) => key(n.operation)));
  const declared = new Set(operations.map((op) => documentedOf(op.method, op.path)));
  const writeCounts = (writes: DocumentedOperation[]): WriteCounts => {
    const checked = writes.filter((d) => declared.has(d)).length;
    const notCheckedHere = writes.filter((d) => listed.has(key(d))).length;
    return {
      documented: writes.length,
      checked,
      exercised: writes.filter((d) => hit.has(d)).length,
      notChecked: notCheckedHere,
      notYetChecked: writes.length - checked - notCheckedHere,
    };
  };
  const modules = [...new Set(documented.map((d) => d.module))].map((module) => {
    const all = documented.filter((d) => d.module === module);
    const gets = all.filter((d) => d.verb === "GET");
    return {
      module,
      documented: all.length,
      exercised: all.filter((d) => hit.has(d)).length,
      documentedGet: gets.length,
      exercisedGet: gets.filter((d) => hit.has(d)).length,
      writes: writeCounts(all.filter(isWrite)),
    };
  });
  return {
    exercised,
    modules,
    documented: documented.length,
    documentedGet: documented.filter((d) => d.verb === "GET").length,
    writes: writeCounts(documented.filter(isWrite)),
    notChecked,
  };
}

/** `writes: 9 of 521 checked (9 exercised), 60 not checked (listed with a reason), 452 not yet checked`. */
export function writesInWords({ writes }: Coverage): string {
  return `writes: ${writes.checked} of ${writes.documented} checked (${writes.exercised} exercised), ${writes.notChecked} not checked (listed with a reason), ${writes.notYetChecked} not yet checked`;
}

/**
 * This run's coverage: the contract's operations, and the login the login family checks (its body is
 * the run's credentials, so it is in no specs/*.yaml), against the documented ones and the not-checked list.
 */
export function runCoverage(checks: CoveredCheck[]): Coverage {
  const own = [...contracts().flatMap((section) => section.operations), LOGIN_OPERATION];
  return coverage(own, checks, documentedOperations(), notCheckedWrites());
}

/** The writes' part of the coverage for checks.json: counts per module and the not-checked list. */
export function writesReport(coverage: Coverage) {
  return {
    ...coverage.writes,
    modules: coverage.modules
      .filter((m) => m.writes.documented)
      .map((m) => ({ module: m.module, ...m.writes })),
    notCheckedWrites: coverage.notChecked.map(({ operation, request, reason, why, source }) => ({
      module: operation.module,
      request,
      reason,
      why,
      source,
    })),
  };
}
