import type { Operation } from "../contract/contract";
import { hasLargeAnswer } from "../http/large-answers";
import type { ReadResponse, Variation } from "./check";

/**
 * The reads one operation's checks share (issue 14): each distinct request is sent once, and every
 * check that needs it takes its answer as its own evidence. It lives while the test checks that one
 * operation; the records its creates make outlive it (helpers/checks/round-trip.ts, CreatedRecords),
 * for the update and the delete that act on them.
 */
export class SharedReads {
  private readonly reads = new Map<string, { pending: Promise<ReadResponse>; done?: ReadResponse }>();

  private readonly records = new Map<string, Promise<string>>();

  constructor(readonly operation: string) {}

  /**
   * The id of a record (`created:`) the operation's requests act on without using it up (a create's
   * parent, an update's record), found or made by `make` once for all of them. Undone with the test.
   */
  record(placeholder: string, make: () => Promise<string>): Promise<string> {
    let id = this.records.get(placeholder);
    if (!id) {
      id = make();
      id.catch(() => this.records.delete(placeholder));
      this.records.set(placeholder, id);
    }
    return id;
  }

  /** The read of `key`: sent by `perform` the first time, the same answer (or error) after. */
  read(key: string, perform: () => Promise<ReadResponse>): Promise<ReadResponse> {
    const known = this.reads.get(key);
    if (known) return known.pending;
    const entry: { pending: Promise<ReadResponse>; done?: ReadResponse } = { pending: perform() };
    entry.pending.then(
      (read) => {
        // Megabytes are not kept for later checks (issue 16): they send again, and each frees its own.
        if (hasLargeAnswer([read.exchange])) this.reads.delete(key);
        else entry.done = read;
      },
      () => undefined,
    );
    this.reads.set(key, entry);
    return entry.pending;
  }

  /**
   * A write was sent: the reads of other operations (keyed `<operation> <read key>`) may answer
   * otherwise now (a setting read before it is changed, then read back), so they are sent again.
   * The operation's own requests stay shared: each of its checks takes the same write's answer.
   */
  forgetOthersReads(): void {
    for (const key of this.reads.keys()) if (!key.startsWith("[")) this.reads.delete(key);
  }

  /** The answer of `key`, if it was sent and has come back; nothing is sent. */
  answered(key: string): ReadResponse | undefined {
    return this.reads.get(key)?.done;
  }
}

/**
 * What makes two of an operation's requests the same on the wire: suffix, ids, body (kind and
 * contract; a check may send other values, as the login checks do), Authorization and headers (names in any case; no Accept is Accept: *\/*,
 * which the transport sends then).
 */
export function readKey(op: Operation, variation: Variation): string {
  const headers = Object.entries({ accept: "*/*", ...lowerCaseNames(variation.headers ?? {}) }).sort(
    ([a], [b]) => a.localeCompare(b),
  );
  return JSON.stringify([
    variation.suffix ?? "",
    variation.unknownIds ?? false,
    op.body ? [variation.bodyKind ?? "json", op.body] : "",
    variation.authorization === undefined ? "as the operation says" : variation.authorization,
    headers,
    variation.values ?? "",
  ]);
}

const lowerCaseNames = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
