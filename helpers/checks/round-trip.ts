import type { Operation } from "../contract/contract";
import { readLeniently } from "../http/formats";
import type { Ledger } from "../run/ledger";
import type { Check, CheckContext, ReadResponse, Variation, Verdict } from "./check";
import { describeResponse, isRecord, responseOf } from "./check";
import { placeholderValue, removesRecord, selectPath, selectWritten, type WriteRecords } from "./operations";
import {
  AS_JSON,
  FORM_BODY_REQUEST,
  refusedRequest,
  successRequest,
  WRITE_FORMATS,
  WRITE_REQUESTS,
} from "./requests";
import { readKey } from "./shared-reads";
import { undoRequest } from "./undo-request";

/**
 * The write round trip (issue 23): a create's records, undone; what an update and a delete act on;
 * and what each did, read back through the section's own GETs (`readBack`, `listedIn`, `gone` in
 * specs/*.yaml). OperationRunner (helpers/checks/operations.ts) sends every request and tells
 * CreatedRecords what each create made; the checks below take the write's answer the status check
 * already got (one request serves them all) and send one GET of their own.
 */

/**
 * The create's requests whose record a request of `op` with `variation` may act on, preferred first
 * (CreatedRecords.actedOn): a delete's request the one in its format; an update any, the JSON one
 * first; a create under the record (a comment under a post) the form body's, which no delete takes.
 */

function actedOnWith(op: Operation, variation: Variation): Variation[] {
  if (removesRecord(op))
    return WRITE_FORMATS.map((f) => WRITE_REQUESTS[f]).filter(
      (request) => readKey(op, request) === readKey(op, variation),
    );
  if (op.method === "PUT") return [...WRITE_FORMATS.map((f) => WRITE_REQUESTS[f]), FORM_BODY_REQUEST];
  return op.creates ? [FORM_BODY_REQUEST] : [];
}

/**
 * The records a test's creates made, each by the request that made it (a format of WRITE_REQUESTS,
 * the form body, a check's own). Each is ledgered as it is made, so it is undone at the end of the
 * test, pass or fail, interrupted or not (the run's ledger file), unless a delete check removed it.
 * The writes that act on a create's records take them here rather than make their own: an update's
 * requests the JSON create's record, a delete's request in a format the record the create made in
 * that format, once, a create's the form body's (its parent). So a create and its delete cost one POST and one DELETE a format, and the
 * delete's checks are the undo of the create's records.
 */
export class CreatedRecords implements WriteRecords {
  private readonly made = new Map<string, MadeRecord>();

  /** The record each write acts on, by operation: its answers refresh the record. */
  private readonly acting = new Map<string, MadeRecord>();

  /**
   * The undo entries of the records a removing write's request took (`removes:`; a test's record or
   * one made for the request alone), until its answer says it succeeded.
   */
  private readonly taking = new Map<string, string[]>();

  /** The undo entries each write's answer ledgered, by that answer. */
  private readonly undoesOf = new WeakMap<ReadResponse, string[]>();

  constructor(
    private readonly ledger: Ledger,
    private readonly operations: Map<string, Operation>,
  ) {}

  add(op: Operation, variation: Variation, read: ReadResponse): void {
    const undoes = this.ledgerUndo(op, read);
    this.undoesOf.set(read, undoes);
    if (op.creates) this.made.set(`${op.key} ${readKey(op, variation)}`, { read, taken: false, undoes });
    // A write that took the record out (files' fileops/delete) leaves its undo finding nothing:
    // Workspace 12.x answers 403 for a file gone (profile communityserver-12), so no 4xx is a failure.
    for (const what of this.taking.get(op.key) ?? []) this.ledger.expectGone(what);
    this.taking.delete(op.key);
    // An update answering the record it changed (the same id) is what later writes select from: a
    // status renamed, then reordered by its new title. Its requests share one record. Read
    // leniently: an answer mislabelled (a fault of format.json-suffix) still names the record.
    const acted = this.acting.get(op.key);
    const before = acted && responseOf(acted.read);
    const value = bodyOf(read);
    const after = (value as { response?: unknown } | undefined)?.response;
    if (acted && isRecord(before) && isRecord(after) && before.id !== undefined && before.id === after.id)
      acted.read = { ...read, value, values: acted.read.values };
  }

  /**
   * The value of `select` in the record of `create` a request of `op` acts on, if this test's create
   * made one for it: for a delete's request in a format, the create's in that format, taken (a record
   * is deleted once); for an update, the JSON create's, else another; for a create under it (a comment under a
   * post), the form body's, which no delete takes. Else undefined: the request gets its own.
   */
  actedOn(
    op: Operation,
    variation: Variation,
    create: Operation,
    select: string,
    name: string,
  ): string | undefined {
    for (const made of actedOnWith(op, variation)) {
      const record = this.made.get(`${create.key} ${readKey(create, made)}`);
      if (!record || record.taken) continue;
      const value = selectWritten(responseOf(record.read), record.read.values, select);
      if (value == null || typeof value === "object") continue;
      if (takes(op, name)) {
        record.taken = true;
        this.take(op, record.undoes);
      }
      this.acting.set(op.key, record);
      return placeholderValue(value, `${create.key} -> ${select}`);
    }
    return undefined;
  }

  /** A record made for a request of `op` alone (`read`: its create's answer), which `op` may remove as {name}. */
  madeFor(op: Operation, name: string, read: ReadResponse): void {
    if (takes(op, name)) this.take(op, this.undoesOf.get(read) ?? []);
  }

  private take(op: Operation, undoes: string[]): void {
    this.taking.set(op.key, [...(this.taking.get(op.key) ?? []), ...undoes]);
  }

  /**
   * Ledgers the undo the contract names (`undo:`), with the ids read from the write's answer (or what
   * it was sent, `{name}`); its `before` step is ledgered after it, so it is sent first (the ledger
   * undoes newest first: a user is suspended, then deleted).
   */
  private ledgerUndo(op: Operation, read: ReadResponse): string[] {
    const undo = op.undo;
    if (!undo) return [];
    const record = (bodyOf(read) as { response?: unknown } | undefined)?.response;
    const steps = [undo, ...(undo.before ? [undo.before] : [])].map((step) => {
      // `files.delete-file`: another module's operation removes what this write made there.
      const target = this.operations.get(
        step.operation.includes(".") ? step.operation : `${op.section}.${step.operation}`,
      );
      const values = Object.fromEntries(
        Object.entries(step.params).map(([name, select]) => [
          name,
          selectWritten(record, read.values, select),
        ]),
      );
      return { target, values, missing: Object.entries(values).find(([, v]) => v == null) };
    });
    const broken = steps.find((step) => !step.target || step.missing);
    if (broken) {
      this.ledger.orphan(
        `${op.key} created a record, but its ${broken.missing?.[0] ?? "undo"} could not be read to undo it`,
      );
      return [];
    }
    return steps.map(({ target, values }) => {
      const what = `${op.key} ${JSON.stringify(values)}`;
      this.ledger.add(what, undoRequest(target as Operation, values));
      return what;
    });
  }
}

/** Whether `op` takes the record of {name} out (`removes:`, a DELETE): its undo may then find it gone. */
const takes = (op: Operation, name: string) =>
  removesRecord(op) && (typeof op.removes !== "string" || op.removes === name);

/** A record a create of the test made: the ledger entries that undo it, and whether a write took it. */
interface MadeRecord {
  read: ReadResponse;
  taken: boolean;
  undoes: string[];
}

/** The answer's body as read, else as its text reads in either format. */
const bodyOf = (read: ReadResponse): unknown =>
  read.value ?? (read.exchange.response && readLeniently(read.contentType, read.exchange.response.body));

const succeeded = (read: ReadResponse) =>
  read.status !== undefined && read.status >= 200 && read.status < 300;

/** The fields of `record` (members, or paths: `[0].ip` of a list) that do not carry the value `fields` says they must. */
export function fieldsNotCarried(record: unknown, fields: Record<string, unknown>): string[] {
  return Object.entries(fields)
    .filter(([field, value]) => selectPath(record, field) !== value)
    .map(([field]) => field);
}

/** The write's own answer (shared with its status check), or why the round trip cannot go on. */
async function theWrite(
  op: Operation,
  ctx: CheckContext,
): Promise<{ write: ReadResponse } | { verdict: Verdict }> {
  const write = await ctx.perform(op, successRequest(op));
  if (succeeded(write) && write.value !== undefined) return { write };
  const given = describeResponse(write);
  const why = `the ${op.method} itself did not succeed with a JSON answer, so there is nothing to read back`;
  return { verdict: { passed: false, inconclusive: true, expected: "a successful write", given, why } };
}

function target(op: Operation, ctx: CheckContext, id: string): Operation {
  const found = ctx.sibling(op, id);
  if (!found) throw new Error(`${op.key}: the contract has no operation ${id} to read the record back with`);
  return found;
}

/** A record, read back by its GET, carries what the write sent (`reflects`). */
async function readsBack(
  op: Operation,
  ctx: CheckContext,
  write: ReadResponse,
  values: Record<string, string>,
): Promise<Verdict> {
  const get = target(op, ctx, op.readBack?.operation as string);
  const fields = write.reflects ?? {};
  const expected = { request: `${get.method} ${get.path}`, values, status: 200, fields };
  const back = await ctx.perform(get, { ...AS_JSON, values });
  if (back.status !== 200 || back.value === undefined) {
    const why = `the record ${JSON.stringify(values)} could not be read back: ${describeResponse(back)}`;
    return { passed: false, expected, given: describeResponse(back), why };
  }
  const record = responseOf(back) as Record<string, unknown> | undefined;
  const differing = fieldsNotCarried(record, fields);
  const given = {
    status: back.status,
    fields: Object.fromEntries(differing.map((f) => [f, selectPath(record, f)])),
  };
  if (differing.length) {
    const why = `read back, the record does not carry what the ${op.method} sent: ${differing.join(", ")}`;
    return { passed: false, expected, given, why };
  }
  return { passed: true, expected, given, why: `read back by ${get.path}, carrying what was sent` };
}

/** The create's answer and the new record's values for its GET, or why the round trip cannot go on. */
async function theCreated(
  op: Operation,
  ctx: CheckContext,
): Promise<{ write: ReadResponse; values: Record<string, string> } | { verdict: Verdict }> {
  const done = await theWrite(op, ctx);
  if ("verdict" in done) return done;
  const values = createdValues(op, done.write);
  if (typeof values !== "string") return { write: done.write, values };
  const given = describeResponse(done.write);
  return { verdict: { passed: false, expected: "the new record's id", given, why: values } };
}

/** The created record's placeholder values for its GET, selected from the create's answer. */
function createdValues(op: Operation, write: ReadResponse): Record<string, string> | string {
  const values: Record<string, string> = {};
  for (const [name, select] of Object.entries(op.readBack?.params ?? {})) {
    const value = selectPath(responseOf(write), select);
    if (value == null || typeof value === "object")
      return `the create's answer has no "${select}" for {${name}}`;
    values[name] = String(value);
  }
  return values;
}

/** The items of the create's `listedIn` list (sent with the create's `values`), or why it could not be read. */
async function theList(
  op: Operation,
  ctx: CheckContext,
  values: Record<string, string>,
): Promise<{ request: string; items?: unknown[]; given: string }> {
  const listedIn = op.listedIn as NonNullable<Operation["listedIn"]>;
  const list = target(op, ctx, listedIn.operation);
  const request = `${list.method} ${list.path}${listedIn.at ? ` at ${listedIn.at}` : ""}`;
  const read = await ctx.perform(list, { ...AS_JSON, values });
  const answer = responseOf(read);
  const items = listedIn.at ? selectPath(answer, listedIn.at) : answer;
  const given = describeResponse(read);
  if (read.status === 200 && Array.isArray(items)) return { request, items, given };
  return { request, given: `the list ${request} could not be read: ${given}` };
}

export const roundTripChecks: Check[] = [
  {
    family: "write",
    name: "read-back",
    rule: "A record a request created is there afterwards: its GET answers it, carrying what was sent.",
    appliesTo: (op) => op.creates && op.readBack !== undefined,
    async run(op, ctx): Promise<Verdict> {
      const created = await theCreated(op, ctx);
      if ("verdict" in created) return created.verdict;
      return readsBack(op, ctx, created.write, created.values);
    },
  },
  {
    family: "write",
    name: "refused-writes-nothing",
    rule: "A create refused for want of credentials writes nothing: the list of its kind holds nothing it sent.",
    appliesTo: (op) =>
      op.creates && op.auth === "required" && op.listedIn !== undefined && op.reflects !== undefined,
    async run(op, ctx): Promise<Verdict> {
      // The auth family's no-header request: the same one, shared. Before `listed`: the list read
      // after both creates serves it too (an operation's checks share the reads they send).
      const control = await ctx.perform(op, successRequest(op));
      const refused = await ctx.perform(op, refusedRequest(op, control, null));
      const sent = refused.reflects ?? {};
      if (refused.status === undefined || refused.status < 400) {
        const why = `the create without credentials was not refused (${describeResponse(refused)}): the auth checks fail on it`;
        return {
          passed: false,
          inconclusive: true,
          expected: "a refusal",
          given: describeResponse(refused),
          why,
        };
      }
      const listing = await theList(op, ctx, refused.values ?? {});
      const expected = {
        request: listing.request,
        holding: "no item carrying what the refused create sent",
        sent,
      };
      if (!listing.items) return { passed: false, expected, given: listing.given, why: listing.given };
      const written = listing.items.find((item) => fieldsNotCarried(item, sent).length === 0);
      const given = { refused: refused.status, items: listing.items.length };
      if (!written)
        return { passed: true, expected, given, why: `refused with ${refused.status}, and nothing listed` };
      const why = `refused with ${refused.status}, yet ${listing.request} lists a record carrying what it sent`;
      return { passed: false, expected, given: { ...given, written }, why };
    },
  },
  {
    family: "write",
    name: "listed",
    rule: "A record a request created is listed afterwards by the list of its kind.",
    appliesTo: (op) => op.creates && op.listedIn !== undefined,
    async run(op, ctx): Promise<Verdict> {
      const done = await theWrite(op, ctx);
      if ("verdict" in done) return done.verdict;
      const select = op.listedIn?.select ?? (Object.values(op.readBack?.params ?? {})[0] as string);
      const id = selectPath(responseOf(done.write), select);
      if (id == null || typeof id === "object") {
        const why = `the create's answer has no "${select}" to find the record by`;
        return { passed: false, expected: "the new record's id", given: describeResponse(done.write), why };
      }
      const listing = await theList(op, ctx, done.write.values ?? {});
      const expected = { request: listing.request, holding: { [select]: id } };
      if (!listing.items) return { passed: false, expected, given: listing.given, why: listing.given };
      const given = { status: 200, items: listing.items.length };
      if (listing.items.some((item) => selectPath(item, select) === id))
        return { passed: true, expected, given, why: `listed by ${listing.request}` };
      const why = `${listing.request} does not list the new record (${select} ${id}) among its ${listing.items.length} items`;
      return { passed: false, expected, given, why };
    },
  },
  {
    family: "write",
    name: "reflects-update",
    rule: "A record a request updated reads back changed: its GET answers what was sent.",
    appliesTo: (op) => (op.method === "PUT" || op.restore !== undefined) && op.readBack !== undefined,
    async run(op, ctx): Promise<Verdict> {
      const done = await theWrite(op, ctx);
      if ("verdict" in done) return done.verdict;
      return readsBack(op, ctx, done.write, done.write.values ?? {});
    },
  },
  {
    family: "write",
    name: "gone-after-delete",
    rule: "A record a request deleted is gone: its GET answers as the server does for a missing record.",
    appliesTo: (op) => op.gone !== undefined,
    async run(op, ctx): Promise<Verdict> {
      const gone = op.gone as NonNullable<Operation["gone"]>;
      const done = await theWrite(op, ctx);
      if ("verdict" in done) return done.verdict;
      const get = target(op, ctx, gone.operation);
      const values = done.write.values ?? {};
      const expected = {
        request: `${get.method} ${get.path}`,
        values,
        status: gone.status,
        source: gone.source,
      };
      const back = await ctx.perform(get, { ...AS_JSON, values });
      const given = describeResponse(back);
      if (back.status === gone.status)
        return { passed: true, expected, given, why: `the deleted record answers ${gone.status}` };
      const why = `after the delete, ${get.path} answers ${back.status ?? "nothing"}, not ${gone.status} (${gone.source})`;
      return { passed: false, expected, given, why };
    },
  },
];
