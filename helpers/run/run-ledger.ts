import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { SharedBudget } from "../http/budget-server";
import type { RequestSpec } from "../http/client";
import { HttpTransport } from "../http/http";
import type { SuiteConfig } from "./config";
import { findLeftovers, removeLeftovers } from "./leftovers";
import { runClient } from "./run-client";
import { type RunInfo, readRunInfo } from "./run-info";

export interface LedgerEntry {
  id: string;
  what: string;
  undo: RequestSpec;
}

type Line =
  | { creating: string }
  /** The deployment answered that creation (with a record or an error): nothing to search for. */
  | { answered: string }
  | { created: LedgerEntry }
  | { undone: string }
  | { orphan: string }
  /** Found by the run's prefix at teardown (its creation's answer was lost) and removed. */
  | { swept: string };

export interface LedgerState {
  /** Creations sent whose answer never came (interrupted, timed out): found by name at teardown. */
  unanswered: string[];
  created: number;
  removed: number;
  /** Created and not (yet) removed. */
  open: LedgerEntry[];
  /** Created, but with no way to remove them: only a sweep can. */
  orphans: string[];
}

export function runLedgerPath(reportsDir: string, runId: string): string {
  return join(reportsDir, ".ledger", `${runId}.jsonl`);
}

/**
 * Every record the run creates, written the moment it exists and marked when it is removed: one
 * JSON line per event, appended by every worker. It outlives a test that could not clean up, a
 * crashed worker and Ctrl-C, so global teardown can undo what is still open. No secrets: the undo
 * is a method and a path; the token is added when it is sent.
 */
export class RunLedgerFile {
  constructor(readonly path: string) {}

  creating(name: string): void {
    this.append({ creating: name });
  }

  answered(name: string): void {
    this.append({ answered: name });
  }

  created(what: string, undo: RequestSpec): string {
    const id = randomUUID();
    this.append({ created: { id, what, undo } });
    return id;
  }

  undone(id: string): void {
    this.append({ undone: id });
  }

  orphaned(what: string): void {
    this.append({ orphan: what });
  }

  swept(what: string): void {
    this.append({ swept: what });
  }

  state(): LedgerState {
    const lines: Line[] = existsSync(this.path)
      ? readFileSync(this.path, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Line)
      : [];
    const open = new Map<string, LedgerEntry>();
    const state: LedgerState = { unanswered: [], created: 0, removed: 0, open: [], orphans: [] };
    const unanswered = new Set<string>();
    for (const line of lines) {
      if ("creating" in line) unanswered.add(line.creating);
      else if ("answered" in line) unanswered.delete(line.answered);
      else if ("swept" in line) {
        state.created++;
        state.removed++;
      } else if ("created" in line) {
        state.created++;
        open.set(line.created.id, line.created);
      } else if ("undone" in line && open.delete(line.undone)) state.removed++;
      else if ("orphan" in line) {
        state.created++;
        state.orphans.push(line.orphan);
      }
    }
    state.open = [...open.values()];
    state.unanswered = [...unanswered];
    return state;
  }

  private append(line: Line): void {
    mkdirSync(dirname(this.path), { recursive: true });
    // One short write per line with O_APPEND: lines from parallel workers do not interleave.
    appendFileSync(this.path, `${JSON.stringify(line)}\n`);
  }
}

/**
 * Global teardown (also after Ctrl-C): undoes what the tests left open, newest first, and names
 * whatever still remains with the command that removes it.
 */
export async function settleRunLedger(run: RunInfo, config: SuiteConfig): Promise<void> {
  const file = new RunLedgerFile(run.ledgerFile);
  const { open, unanswered } = file.state();
  // Records on the embedded reference end with it (it closes next); only a real deployment keeps leftovers.
  if (run.embedded) {
    for (const entry of open) file.undone(entry.id);
    return;
  }
  if (!open.length && !unanswered.length) return;
  const http = new HttpTransport({ ignoreHttpsErrors: config.ignoreHttpsErrors });
  const budget = new SharedBudget(run.budgetUrl);
  // The run's own budget (its server is still up): it knows how much of the window the run has used.
  const client = runClient(http, run, {
    timeoutMs: config.timeoutMs,
    allowWrites: config.allowWrites,
    budget,
  });
  try {
    for (const entry of open.reverse()) {
      const status = (await client.send(entry.undo).catch(() => undefined))?.response?.status;
      if (status !== undefined && (status < 300 || status === 404)) file.undone(entry.id);
    }
    // A creation whose answer was lost (interrupted mid-request) is in no entry: find it by the run's
    // prefix, only then (listing every person and group of a deployment is not free).
    const unknown = unanswered.length
      ? await findLeftovers(client, run.namePrefix, { listsWithEffects: true })
      : [];
    const { removed } = await removeLeftovers(client, unknown);
    for (const leftover of removed) file.swept(`${leftover.kind} ${leftover.name}`);
    for (const leftover of unknown.filter((l) => !removed.includes(l)))
      file.orphaned(`${leftover.kind} ${leftover.name}`);
  } catch (error) {
    process.stderr.write(`\nCould not finish removing this run's records: ${(error as Error).message}\n`);
  } finally {
    await budget.flush();
    http.close();
  }
  const left = file.state();
  if (left.open.length || left.orphans.length) process.stderr.write(`\n${leftoverReport(left, run)}\n`);
}

function leftoverReport(state: LedgerState, run: RunInfo): string {
  const lines = [`These records of the run could not be removed (all named ${run.namePrefix}-...):`];
  for (const entry of state.open) lines.push(`  - ${entry.what} (${entry.undo.method} ${entry.undo.path})`);
  for (const what of state.orphans) lines.push(`  - ${what}`);
  lines.push(
    "Remove them with:",
    `  WORKSPACE_URL=${run.fingerprint.target} WORKSPACE_ALLOW_WRITES=true npm run sweep -- --prefix ${run.namePrefix} --yes`,
  );
  return lines.join("\n");
}

/**
 * For the run's summary, after teardown: how many records the run created and removed. The
 * ledger file is deleted once nothing in it is left; otherwise it stays as the list of leftovers.
 */
export function recordsOfRun(env: NodeJS.ProcessEnv = process.env): LedgerState | undefined {
  if (!env.WC_RUN_INFO) return undefined;
  const file = new RunLedgerFile(readRunInfo(env).ledgerFile);
  const state = file.state();
  if (!state.open.length && !state.orphans.length) {
    rmSync(file.path, { force: true });
    // The folder too, once no run's leftovers are listed in it.
    if (existsSync(dirname(file.path)) && !readdirSync(dirname(file.path)).length)
      rmdirSync(dirname(file.path));
  }
  return state;
}

/** "12 records created, 12 removed" (", 2 left: see above" when some remain). */
export function describeRecords(state: LedgerState): string {
  const left = state.open.length + state.orphans.length;
  return `${state.created} records created, ${state.removed} removed${left ? `, ${left} LEFT BEHIND (listed above)` : ""}`;
}

/**
 * A CI job that is cancelled gets SIGTERM, which would end Playwright's main process at once,
 * skipping global teardown. Playwright handles SIGINT (Ctrl-C) gracefully: tests' fixtures tear
 * down, then global teardown runs. So SIGTERM is turned into SIGINT.
 */
export function treatTerminateAsInterrupt(): void {
  process.once("SIGTERM", () => process.kill(process.pid, "SIGINT"));
}
