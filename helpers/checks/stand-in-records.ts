import type { Operation } from "../contract/contract";
import { effectRefusal, type WritePolicy } from "../contract/effects";
import type { ReadResponse } from "./check";

/** Sends a create as the round trip's fixtures do (JSON); its undo goes to the ledger it was given. */
export type CreateSender = (create: Operation) => Promise<ReadResponse>;

/**
 * A read whose id comes from a list the deployment answered empty (a fresh portal has no projects)
 * gets a record made by the contract's own create of that list (its `listedIn`), where writes are
 * allowed: the read then runs on it, and the worker's ledger removes it at the worker's end. Where
 * writes are not allowed, or no create lists its records there, the read stays skipped.
 */
export class StandInRecords {
  private readonly made = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly operations: Map<string, Operation>,
    private readonly policy: WritePolicy,
    private readonly send: CreateSender,
  ) {}

  /**
   * The create of the contract whose records `from` (`GET api/2.0/project`) lists `at` a path of its
   * answer (`""` for the answer itself; a folder's `folders`, not its `files`), if any.
   */
  createFor(from: string, at: string): Operation | undefined {
    for (const op of this.operations.values()) {
      const list = op.creates && op.listedIn && this.operations.get(`${op.section}.${op.listedIn.operation}`);
      if (list && `GET ${list.path}` === from && (op.listedIn?.at ?? "") === at) return op;
    }
    return undefined;
  }

  /**
   * Makes one record `from` lists `at`, once per list: the create's key, or undefined when none may be
   * made. Throws when the create was sent and failed (the read cannot run, and the create's own
   * checks say why), or the create's own placeholders have no record (NoRecordToRead).
   */
  make(from: string, at: string): Promise<string | undefined> {
    const key = `${from} ${at}`;
    let made = this.made.get(key);
    if (!made) {
      made = this.makeOnce(from, at);
      this.made.set(key, made);
    }
    return made;
  }

  private async makeOnce(from: string, at: string): Promise<string | undefined> {
    const create = this.createFor(from, at);
    if (!create || effectRefusal(create, this.policy)) return undefined;
    const read = await this.send(create);
    if (read.status === undefined || read.status >= 300) {
      throw new Error(
        `${from} answered an empty list, and ${create.key}, sent to make a record in it, failed: ${read.exchange.error ?? `status ${read.status}`}`,
      );
    }
    return create.key;
  }
}
