import { bodyData, type RequestSpec, type WorkspaceClient } from "../http/client";
import type { RunLedgerFile } from "./run-ledger";

/**
 * What a test created, and how to remove it: undone at the end of the test, pass or fail. Each
 * entry is also written to the run's ledger file, which global teardown settles if a test cannot.
 */
export class Ledger {
  private readonly entries: { id?: string; what: string; undo: RequestSpec; gone?: true }[] = [];
  private readonly orphans: string[] = [];

  constructor(private readonly runFile?: RunLedgerFile) {}

  add(what: string, undo: RequestSpec): void {
    this.entries.push({ id: this.runFile?.created(what, undo), what, undo });
  }

  /**
   * A write of the test took the record out (a file deleted by fileops/delete, a user suspended): its
   * undo is still sent, and an answer that it found nothing (any 4xx) counts as undone.
   */
  expectGone(what: string): void {
    for (const entry of this.entries) if (entry.what === what) entry.gone = true;
  }

  /**
   * The test removed a record itself (a delete check): nothing is left to undo. Undoing it again
   * would not always answer 404 (Workspace 12.x answers 403 for a folder that is gone).
   */
  removed(method: string, path: string, query: RequestSpec["query"] = {}, body?: unknown): boolean {
    const bare = (p: string) => p.replace(/\.(json|xml)$/, "");
    // A write naming its record in the query or the body (a CRM tag: DELETE crm/contact/tag?tagName=,
    // a user suspended by `userIds`) is that record's alone.
    const sameQuery = (q: RequestSpec["query"] = {}) =>
      Object.keys({ ...q, ...query }).every((key) => String(q[key]) === String(query[key]));
    const sameBody = (data: unknown) => JSON.stringify(data ?? {}) === JSON.stringify(body ?? {});
    const index = this.entries.findIndex(
      (e) =>
        e.undo.method === method &&
        bare(e.undo.path) === bare(path) &&
        sameQuery(e.undo.query) &&
        sameBody(bodyData(e.undo.body)),
    );
    if (index < 0) return false;
    const [entry] = this.entries.splice(index, 1);
    if (entry.id) this.runFile?.undone(entry.id);
    return true;
  }

  /** A record named `name` is about to be created: if its answer never comes, teardown finds it by name. */
  creating(name: string): void {
    this.runFile?.creating(name);
  }

  /** The deployment answered that creation: whatever it made is recorded (or nothing was made). */
  answered(name: string): void {
    this.runFile?.answered(name);
  }

  /** A record was created but cannot be undone: reported, never silently left. */
  orphan(what: string): void {
    this.orphans.push(what);
    this.runFile?.orphaned(what);
  }

  /** Undoes everything, newest first; a record already gone (404) counts as undone. */
  async undoAll(client: WorkspaceClient): Promise<string[]> {
    const problems = [...this.orphans];
    this.orphans.length = 0;
    while (this.entries.length) {
      const { id, what, undo, gone } = this.entries.pop() as Ledger["entries"][number];
      const exchange = await client.send(undo);
      const status = exchange.response?.status;
      const missing = status === 404 || (gone && status !== undefined && status >= 400 && status < 500);
      if (status !== undefined && (status < 300 || missing)) {
        if (id) this.runFile?.undone(id);
        // Two writes undone by the same delete (events imported into the run's calendar, undone by
        // its delete, as the calendar itself is): sent once; again, the record would be missing. A
        // toggle's undo (PUT settings/tips/change/subscription) is sent for each toggle it undoes.
        if (undo.method === "DELETE")
          while (this.removed(undo.method, undo.path, undo.query, bodyData(undo.body))) {}
      } else {
        problems.push(
          `could not undo ${what} with ${undo.method} ${undo.path}: ${exchange.error ?? `status ${status}`}`,
        );
      }
    }
    return problems;
  }
}
