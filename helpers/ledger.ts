import type { RequestSpec, WorkspaceClient } from "./client";

/** What a test created, and how to remove it: undone at the end of the test, pass or fail. */
export class Ledger {
  private readonly entries: { what: string; undo: RequestSpec }[] = [];
  private readonly orphans: string[] = [];

  add(what: string, undo: RequestSpec): void {
    this.entries.push({ what, undo });
  }

  /** A record was created but cannot be undone: reported, never silently left. */
  orphan(what: string): void {
    this.orphans.push(what);
  }

  /** Undoes everything, newest first; a record already gone (404) counts as undone. */
  async undoAll(client: WorkspaceClient): Promise<string[]> {
    const problems = [...this.orphans];
    this.orphans.length = 0;
    while (this.entries.length) {
      const { what, undo } = this.entries.pop() as { what: string; undo: RequestSpec };
      const exchange = await client.send(undo);
      const status = exchange.response?.status;
      if (status === undefined || (status >= 300 && status !== 404)) {
        problems.push(
          `could not undo ${what} with ${undo.method} ${undo.path}: ${exchange.error ?? `status ${status}`}`,
        );
      }
    }
    return problems;
  }
}
