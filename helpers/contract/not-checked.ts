import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { ContractError, type Section, SPECS_DIR } from "./contract";
import { type DocumentedOperation, documentedMatcher, documentedOperations, isWrite } from "./documented";
import { contracts } from "./loader";

/**
 * The documented writes the contract does not check, each with its reason (docs/checks.md): one
 * file a module, `<module>.yaml`, so that modules are listed side by side without touching each other.
 */
export const NOT_CHECKED_DIR = join(SPECS_DIR, "coverage", "not-checked");

/** The list's files, in name order. */
export function notCheckedFiles(dir = NOT_CHECKED_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => join(dir, name));
}

export interface NotCheckedWrite {
  operation: DocumentedOperation;
  /** `POST api/2.0/crm/voip/call`, as listed. */
  request: string;
  /** One of the schema's reasons (schemas/contract/not-checked-file.json). */
  reason: string;
  why: string;
  /** `path:line` in CommunityServer v12.7.1. */
  source: string;
}

interface RawList {
  writes: { request: string; reason: string; why: string; source: string }[];
}

let cached: NotCheckedWrite[] | undefined;

/** This checkout's list, loaded once per process against its contract; throws a ContractError. */
export function notCheckedWrites(): NotCheckedWrite[] {
  cached ??= loadNotChecked(notCheckedFiles(), contracts(), documentedOperations());
  return cached;
}

/**
 * Reads and validates the lists: each entry a documented write (as operations.tsv writes its path)
 * of the file's module, listed once, and not also checked by a contract file.
 */
export function loadNotChecked(
  files: string[],
  sections: Section[],
  documented: DocumentedOperation[],
): NotCheckedWrite[] {
  // Loaded lazily, as the contract files are: the YAML parser only where the list is read.
  const { readYamlFile } = require("./yaml-file") as typeof import("./yaml-file");
  const problems: string[] = [];
  const writes = new Map(documented.filter(isWrite).map((op) => [`${op.verb} api/2.0/${op.path}`, op]));
  const documentedOf = documentedMatcher(documented);
  const checkedBy = new Map<DocumentedOperation, string>();
  for (const op of sections.flatMap((section) => section.operations)) {
    const doc = documentedOf(op.method, op.path);
    if (doc) checkedBy.set(doc, `${op.source} operations.${op.id}`);
  }
  const listedAt = new Map<DocumentedOperation, string>();
  const listed: NotCheckedWrite[] = [];
  for (const file of files) {
    const read = readYamlFile<RawList>(file, "contract/not-checked-file.json", problems);
    if (!read) continue;
    const module = basename(file, ".yaml");
    for (const [i, entry] of read.data.writes.entries()) {
      const at = read.at(["writes", String(i), "request"]);
      const operation = writes.get(entry.request);
      const checked = operation && checkedBy.get(operation);
      const first = operation && listedAt.get(operation);
      const problem = !operation
        ? "is not a documented write: write it as operations.tsv does"
        : operation.module !== module
          ? `is a write of ${operation.module}: list it in ${operation.module}.yaml`
          : checked
            ? `is checked by the contract (${checked}): drop it from this list`
            : first && `is listed twice (first at ${first})`;
      if (problem) problems.push(`${at} writes.${i}.request: "${entry.request}" ${problem}`);
      else if (operation) {
        listedAt.set(operation, at);
        listed.push({ operation, ...entry });
      }
    }
  }
  if (problems.length) throw new ContractError(problems);
  return listed;
}
