import { type BodyValue, type Operation, operationPlaceholders } from "../contract/contract";
import { effectRefusal, type WritePolicy } from "../contract/effects";
import { composedSchema, SCHEMA_BASE, type SchemaRegistry } from "../contract/schemas";
import {
  bodyData,
  type Exchange,
  type RequestSpec,
  type WorkspaceClient,
  WriteRefused,
} from "../http/client";
import { formatOfContentType, parseBody, readLeniently, type XmlNode, xmlToJson } from "../http/formats";
import type { Ledger } from "../run/ledger";
import {
  type CheckContext,
  NO_RECORD_TO_READ,
  type Original,
  type ReadResponse,
  type Variation,
} from "./check";
import { withoutItems } from "./passing-records";
import { readOriginal, restoreWhat } from "./restore";
import { pathParts, selectPath } from "./select-path";
import { readKey, type SharedReads } from "./shared-reads";
import type { StandInRecords } from "./stand-in-records";
import { fillTexts } from "./undo-request";

export { selectPath } from "./select-path";

/**
 * A value of a write's answer at `select`, or, for `{name}`, the value the write was sent for its own
 * placeholder `name` (a void answer names nothing: the undo of a mark takes the ids it marked).
 */
export function selectWritten(
  response: unknown,
  sent: Record<string, string> | undefined,
  select: string,
): unknown {
  const own = /^\{([^}]+)\}$/.exec(select);
  return own ? sent?.[own[1]] : selectPath(response, select);
}

/**
 * A DELETE, or a write that removes what it names (`removes: true`, or a PUT with `gone`: the CRM's
 * batch delete and merge): it takes a record for its own.
 */
export const removesRecord = (op: Operation) =>
  op.method === "DELETE" || op.removes !== undefined || op.gone !== undefined;

/**
 * Where `path` runs into an empty list in `value`, if it does: `""` for the value itself, else the
 * path to that list (`files`, `categories[0].threads`), an absent list member included. A list with
 * items, a record missing the selected member, null or a value that is no list where the path
 * indexes one: undefined (those are no empty list).
 */
export function emptyListOn(value: unknown, path: string): string | undefined {
  const parts = pathParts(path);
  let node = value;
  let walked = "";
  for (const part of parts) {
    const index = /^\[(\d+)\]$/.exec(part);
    if (index && Array.isArray(node) && node.length === 0) return walked;
    // A list member left out is an empty list: the server omits an EmitDefaultValue=false list that is
    // null (FolderContentWrapper.files, wrappers.json), as XML omits an empty one.
    if (index && node === undefined && walked) return walked;
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[index ? index[1] : part];
    walked += index || !walked ? part : `.${part}`;
  }
  return undefined;
}

/**
 * A read whose placeholder is looked up (`from:`) in a list the deployment answered empty: a
 * legitimate state (a fresh portal has no projects), so its checks are skipped, not failed.
 */
export class NoRecordToRead extends Error {
  override name = "NoRecordToRead";
  constructor(
    /** `GET api/2.0/project` */
    readonly from: string,
    /** Where the empty list is in its answer: `""` for the answer itself. */
    readonly at: string,
  ) {
    super(`${NO_RECORD_TO_READ}: ${from} answered an empty list${at ? ` at "${at}"` : ""}`);
  }
}

/** Ids, names and emails are short; a longer value goes into no URL, curl line or report. */
const MAX_PLACEHOLDER_CHARS = 1024;

/** A value the deployment gave, as a placeholder's value; an absurd one is refused, not sent. */
export function placeholderValue(value: unknown, source: string): string {
  const text = String(value);
  if (text.length > MAX_PLACEHOLDER_CHARS)
    throw new Error(
      `the value from ${source} is ${text.length} characters long; no id, name or email is longer than ${MAX_PLACEHOLDER_CHARS}, so it is not used`,
    );
  return text;
}

/**
 * Values of placeholders that come from the deployment itself (`from:`): each source is read once per
 * worker, whatever it is asked for, or not at all when a check of that read already got its answer.
 */
export class DiscoveredValues {
  private readonly answers = new Map<string, Promise<unknown>>();

  constructor(
    private readonly client: WorkspaceClient,
    /** Makes a record in a list found empty, where writes are allowed (helpers/checks/stand-in-records.ts). */
    private readonly standIns?: Pick<StandInRecords, "make">,
    /** The run's records that a test removes: no value is looked up in them. */
    private readonly passing: (item: unknown) => boolean = () => false,
  ) {}

  /**
   * Throws NoRecordToRead when the list it selects from is empty and no record may be made in it;
   * any other miss is a failure.
   */
  async get(from: string, select: string): Promise<string> {
    const usable = async () => withoutItems(await this.answer(from), select, this.passing);
    let answer = await usable();
    let empty = emptyListOn(answer, select);
    if (empty !== undefined) {
      const madeBy = await this.standIns?.make(from, empty);
      if (!madeBy) throw new NoRecordToRead(from, empty);
      // The list is read again: the record made must be in it, where the read looks.
      this.answers.delete(from);
      answer = await usable();
      empty = emptyListOn(answer, select);
      if (empty !== undefined)
        throw new Error(`${from} still answered an empty list after ${madeBy} made a record to read in it`);
    }
    const value = selectPath(answer, select);
    if (value === undefined || value === null || typeof value === "object") {
      throw new Error(`could not discover a value from ${from}: nothing at "${select}" in its response`);
    }
    return placeholderValue(value, `${from} -> ${select}`);
  }

  /** A successful JSON answer of `from` a check got: later look-ups read it instead of sending again. */
  seen(from: string, response: unknown): void {
    if (!this.answers.has(from)) this.answers.set(from, Promise.resolve(response));
  }

  private answer(from: string): Promise<unknown> {
    let answer = this.answers.get(from);
    if (!answer) {
      answer = this.lookUp(from);
      answer.catch(() => this.answers.delete(from));
      this.answers.set(from, answer);
    }
    return answer;
  }

  /** The `response` of the source's answer. */
  private async lookUp(from: string): Promise<unknown> {
    const path = `${from.split(" ")[1]}.json`;
    const exchange = await this.client.send({ method: "GET", path, headers: { Accept: "application/json" } });
    const status = exchange.response?.status;
    if (exchange.error || !exchange.response || status !== 200) {
      throw new Error(`could not discover a value from ${from}: ${exchange.error ?? `status ${status}`}`);
    }
    const contentType = exchange.response.headers["content-type"];
    const body = readLeniently(contentType, exchange.response.body);
    if (body === undefined) {
      const size = exchange.response.body.length;
      throw new Error(
        `could not discover a value from ${from}: its answer is not well-formed JSON or XML (${contentType ?? "no Content-Type"}, ${size} bytes)`,
      );
    }
    return (body as { response?: unknown } | undefined)?.response;
  }
}

/** A read's own JSON answer, as a look-up of it (`from:`) would get it: no ids, query or other caller. */
function isPlainRead(
  op: Operation,
  variation: Variation,
  read: ReadResponse,
): read is ReadResponse & { value: { response: unknown } } {
  return (
    op.method === "GET" &&
    read.status === 200 &&
    read.format === "json" &&
    read.value !== undefined &&
    variation.authorization === undefined &&
    Object.keys(op.query).length === 0 &&
    operationPlaceholders(op).length === 0
  );
}

/**
 * What a test's writes made, and what its writes act on: helpers/checks/round-trip.ts
 * (CreatedRecords) keeps the round trip's records; the runner sends, and tells it what each write made.
 */
export interface WriteRecords {
  /** A write that succeeded: what it made is ledgered for its undo, a create's record kept. */
  add(op: Operation, variation: Variation, read: ReadResponse): void;
  /** The value of `select` in a record of `create` this request of `op` acts on, if one was made for it. */
  actedOn(
    op: Operation,
    variation: Variation,
    create: Operation,
    select: string,
    name: string,
  ): string | undefined;
  /** A record made for a request of `op` alone, as {name}: `read` is its create's answer. */
  madeFor(op: Operation, name: string, read: ReadResponse): void;
}

/** Builds and sends an operation's requests for checks; every exchange is kept as the check's evidence. */
export class OperationRunner implements CheckContext {
  constructor(
    private readonly client: WorkspaceClient,
    readonly schemas: SchemaRegistry,
    private readonly discovered: DiscoveredValues,
    private readonly ledger: Ledger,
    private readonly records: WriteRecords,
    private readonly operations: Map<string, Operation>,
    /** A fresh, recognisable name for each record (`wc-<run>-w<worker>-<n>`), so leftovers can be found. */
    private readonly uniqueName: () => string,
    private readonly evidence: Exchange[],
    readonly runMarker: string,
    private readonly writes: WritePolicy,
    /** The requests of the operation under check and its reads of others, shared by its checks (never a fixture). */
    private readonly shared?: SharedReads,
  ) {}

  async send(spec: RequestSpec): Promise<Exchange> {
    const exchange = await this.client.send(spec);
    this.evidence.push(exchange);
    // After a write, other operations' reads shared so far may answer otherwise: sent again.
    if (spec.method !== "GET") this.shared?.forgetOthersReads();
    return exchange;
  }

  sibling(op: Operation, id: string): Operation | undefined {
    return this.operations.get(`${op.section}.${id}`);
  }

  envelopeSchema(op: Operation | undefined, kind: "success" | "error"): string {
    if (kind === "error" || !op?.schema) return `${SCHEMA_BASE}envelope/${kind}.json`;
    return this.schemas.define(composedSchema(op.schema));
  }

  async perform(op: Operation, variation: Variation = {}): Promise<ReadResponse> {
    // Its own requests, and the reads of other operations its checks send (a create's list, read once
    // for refused-writes-nothing and listed), are sent once for all the operation's checks.
    const own = this.shared?.operation === op.key;
    if (!this.shared || (!own && op.method !== "GET")) return this.performOnce(op, variation);
    const key = own ? readKey(op, variation) : `${op.key} ${readKey(op, variation)}`;
    let sentHere = false;
    const read = await this.shared.read(key, () => {
      sentHere = true;
      return this.performOnce(op, variation);
    });
    if (!sentHere) this.evidence.push(read.exchange);
    return read;
  }

  reuse(
    op: Operation,
    variation: Variation,
    usable: (read: ReadResponse) => boolean,
  ): ReadResponse | undefined {
    const read = this.shared?.operation === op.key ? this.shared.answered(readKey(op, variation)) : undefined;
    if (!read || !usable(read)) return undefined;
    this.evidence.push(read.exchange);
    return read;
  }

  private async performOnce(op: Operation, variation: Variation): Promise<ReadResponse> {
    const refusal = effectRefusal(op, this.writes);
    if (refusal) throw new WriteRefused(refusal);
    const values = await this.paramValues(op, variation);
    const substitute = (text: string, encode: (v: string) => string) =>
      text.replace(/\{([^}]+)\}/g, (_, name: string) => encode(values[name]));
    let path = substitute(op.path, encodeURIComponent);
    if (variation.suffix) path += `.${variation.suffix}`;
    const query = Object.fromEntries(
      Object.entries(op.query).map(([k, v]) => [k, typeof v === "string" ? substitute(v, String) : v]),
    );
    // A setting's value is read before it is first written, and its restore ledgered (restore.ts).
    const original = op.restore && (await this.original(op, values));
    const unique = this.uniqueName();
    // A body names the run's records by placeholder too (`fileIds: ["{fileid}"]`), as a path does.
    const fill = <T extends BodyValue>(v: T): T =>
      fillTexts(v, (text) =>
        text.replace(/\{([^}]+)\}/g, (whole, name: string) =>
          name === "unique" ? unique : (values[name] ?? whole),
        ),
      );
    const spec: RequestSpec = {
      method: op.method,
      path,
      query,
      headers: variation.headers,
      authenticated: op.auth !== "anonymous",
      authorization: variation.authorization,
    };
    if (op.upload) {
      // An upload is sent as its YAML says in every format: JSON and form bodies carry no file.
      const { as, field, name, contentType, content, encoding } = op.upload;
      // Text takes placeholders (an iCal event's UID is the run's own); base64 bytes are sent as given.
      const file = {
        field,
        name: fill(name),
        contentType,
        content: encoding ? content : fill(content),
        encoding,
      };
      spec.body =
        as === "raw" ? { kind: "raw", file } : { kind: "multipart", data: fill(op.body ?? {}), file };
    } else if (op.body) {
      const data = fill(op.body);
      spec.body = { kind: variation.bodyKind ?? "json", data };
    }
    // Before sending: a creation whose answer is lost (Ctrl-C, a timeout) still leaves a trace. A
    // write the client refuses is never sent, so it is never recorded (teardown would search for it).
    if (op.creates) {
      this.client.refuseForbiddenWrite(spec);
      this.ledger.creating(unique);
    }
    const read = this.read(await this.send(spec), op);
    read.values = values;
    if (original) read.original = original;
    if (isPlainRead(op, variation, read)) this.discovered.seen(`GET ${op.path}`, read.value.response);
    if (op.creates && read.exchange.response) this.ledger.answered(unique);
    if (op.reflects)
      read.reflects = Object.fromEntries(Object.entries(op.reflects).map(([k, v]) => [k, fill(v)]));
    // What a write made or changed (a PUT with an undo changes what it does not own, a setting: the
    // undo sets it back), for the round trip's records and the ledger.
    if ((op.method !== "GET" || op.effects) && read.status !== undefined && read.status < 300)
      this.records.add(op, variation, read);
    // A write that is some record's undo (a DELETE, or mail's PUT messages/remove) leaves it nothing
    // to do; a toggle, its own undo, is toggled back once for each time it toggled.
    if (op.method !== "GET" && op.undo?.operation !== op.id && read.status !== undefined && read.status < 300)
      this.ledger.removed(op.method, path, query, bodyData(spec.body));
    return read;
  }

  /** Reads a response in the format its Content-Type announces; XML becomes JSON by the schema. */
  read(exchange: Exchange, op?: Operation): ReadResponse {
    const read: ReadResponse = { exchange };
    const response = exchange.response;
    if (!response) return read;
    read.status = response.status;
    read.contentType = response.headers["content-type"];
    read.format = formatOfContentType(read.contentType);
    if (!read.format) return read;
    // A body the client would not read whole (too large) is no body to judge.
    if (exchange.error) {
      read.unreadable = exchange.error;
      return read;
    }
    const parsed = parseBody(read.format, response.body);
    if (!parsed.ok) {
      read.unreadable = parsed.why;
      return read;
    }
    if (read.format === "json") {
      read.value = parsed.value;
      return read;
    }
    const { name, root } = parsed.value as { name: string; root: XmlNode };
    read.xmlRoot = name;
    const schemaId = this.envelopeSchema(op, response.status >= 400 ? "error" : "success");
    read.value = xmlToJson(root, this.schemas.get(schemaId), schemaId, (uri) => this.schemas.get(uri));
    return read;
  }

  private async paramValues(op: Operation, variation: Variation): Promise<Record<string, string>> {
    const given = variation.values ?? {};
    const unknown = variation.unknownIds ?? false;
    const values: Record<string, string> = {};
    // Placeholders made by the same create take their values from one record (an attachment and its message).
    const made = new Map<string, Promise<ReadResponse>>();
    for (const name of operationPlaceholders(op)) {
      if (given[name] !== undefined) {
        values[name] = given[name];
        continue;
      }
      if (unknown && op.unknown?.[name] !== undefined) {
        values[name] = String(op.unknown[name]);
        continue;
      }
      const source = op.params[name];
      if ("value" in source) values[name] = String(source.value);
      else if ("from" in source) values[name] = await this.discovered.get(source.from, source.select);
      else {
        const make = () => this.recordFor(op, variation, name, source, made);
        // A create's parent, an update's record and a read's record outlast each request: its requests
        // share one (its round trip reads an update back before the other bodies are sent: ALL_CHECKS;
        // a read's JSON and XML answers are of one record: a wiki file no list shows).
        // Not a write that removes the record (mail's PUT messages/remove of a draft): each request removes its own.
        const keeps = (op.creates || op.method === "PUT" || op.method === "GET") && !removesRecord(op);
        const shared = keeps && this.shared?.operation === op.key ? this.shared : undefined;
        values[name] = await (shared ? shared.record(name, make) : make());
      }
    }
    return values;
  }

  /** Sends a create as JSON to make a record another request needs; its undo goes to the ledger. */
  createRecord(create: Operation): Promise<ReadResponse> {
    return this.perform(create, {
      suffix: "json",
      bodyKind: "json",
      headers: { Accept: "application/json" },
    });
  }

  /**
   * The record a write's `{name}` stands for: one the test's create made, where the write acts on it
   * (helpers/checks/round-trip.ts), else one made for it; placeholders made by the same create
   * take their values from one record (`made`: an attachment and its message).
   */
  private async recordFor(
    op: Operation,
    variation: Variation,
    name: string,
    source: { created: string; select: string },
    made: Map<string, Promise<ReadResponse>>,
  ): Promise<string> {
    const create = this.operations.get(`${op.section}.${source.created}`);
    if (!create) throw new Error(`${op.key}: no operation ${source.created} to create {${name}} with`);
    // Only the operation under check acts on the test's records: a write made as another's fixture
    // (a user suspended for a batch delete) acts on a record of its own, which it may remove.
    const underCheck = this.shared === undefined || this.shared.operation === op.key;
    return (
      (underCheck ? this.records.actedOn(op, variation, create, source.select, name) : undefined) ??
      this.createFixture(op, create, name, source.select, made)
    );
  }

  /** A record made for an operation that needs one (a parent, an update, a delete); undone at the end of the test. */
  private async createFixture(
    op: Operation,
    create: Operation,
    name: string,
    select: string,
    made: Map<string, Promise<ReadResponse>>,
  ): Promise<string> {
    let making = made.get(create.key);
    if (!making) {
      making = this.createRecord(create);
      made.set(create.key, making);
    }
    const read = await making;
    const body = read.exchange.response && readLeniently(read.contentType, read.exchange.response.body);
    const value = selectWritten((body as { response?: unknown } | undefined)?.response, read.values, select);
    if (read.status === undefined || read.status >= 300 || value == null) {
      throw new Error(
        `could not create a record for {${name}} with ${create.key}: ${read.exchange.error ?? `status ${read.status}`}`,
      );
    }
    this.records.madeFor(op, name, read);
    return placeholderValue(value, `${create.key} -> ${select}`);
  }

  /** The setting as it was before the operation's first write, once for its checks, its restore ledgered. */
  private async original(op: Operation, values: Record<string, string>): Promise<Original> {
    const keep = async () => {
      const original = await readOriginal(op, this, values);
      this.ledger.add(restoreWhat(op, original), original.spec);
      return JSON.stringify(original);
    };
    const shared = this.shared?.operation === op.key ? this.shared : undefined;
    return JSON.parse(await (shared ? shared.record("restore:original", keep) : keep())) as Original;
  }
}
