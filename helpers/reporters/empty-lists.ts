import { type CheckResult, NO_RECORD_TO_READ } from "../checks/check";

/**
 * A module some of whose reads found no record: the lists they look their ids up in were empty (a
 * fresh portal has no projects). Their checks are skipped, which does not gate; said once per module.
 */
export interface EmptyListModule {
  module: string;
  /** Operations (`project.project-messages`) with a check skipped for want of a record. */
  reads: string[];
  /** The empty lists, as the checks name them: `GET api/2.0/project`, `GET api/2.0/files/@my` (at "files"). */
  lists: string[];
}

const LIST = new RegExp(`^${NO_RECORD_TO_READ}: (.*) answered an empty list(?: at "(.*)")?$`);

/** From the results alone (so merged shards say it too): per module, its reads that had no record. */
export function emptyListModules(
  checks: Pick<CheckResult, "id" | "section" | "outcome" | "why">[],
): EmptyListModule[] {
  const modules = new Map<string, { reads: Set<string>; lists: Set<string> }>();
  for (const check of checks) {
    const found = check.outcome === "skipped" ? LIST.exec(check.why) : null;
    if (!found) continue;
    const module = modules.get(check.section) ?? { reads: new Set(), lists: new Set() };
    module.reads.add(check.id.split("/")[0]);
    module.lists.add(found[2] ? `${found[1]} (at "${found[2]}")` : found[1]);
    modules.set(check.section, module);
  }
  return [...modules.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([module, { reads, lists }]) => ({ module, reads: [...reads].sort(), lists: [...lists].sort() }));
}

/** The console's heading for the lines below: once, before one line per module. */
export const EMPTY_LISTS_TITLE =
  "Reads with no record to read (their checks skipped: an empty list is a legitimate state, not a failure; with WORKSPACE_ALLOW_WRITES=true the run makes a record where the contract can create one):";

/** Lists named in one line; the rest are counted (summary.md and checks.json have them all). */
const NAMED_LISTS = 3;

/**
 * `crm: 52 reads had no record to read: the lists they look up are empty (GET api/2.0/crm/case/filter, ... +9 more)`.
 * The title says once how a run with writes allowed fills the lists the contract can create in
 * (helpers/checks/stand-in-records.ts); what stays here then is a list no create of it fills.
 */
export function emptyListInWords(module: EmptyListModule, named = NAMED_LISTS): string {
  const reads = `${module.reads.length} ${module.reads.length === 1 ? "read" : "reads"}`;
  const more = module.lists.length > named ? ` +${module.lists.length - named} more` : "";
  return `${module.module}: ${reads} had no record to read: the lists they look up are empty (${module.lists.slice(0, named).join(", ")}${more})`;
}
