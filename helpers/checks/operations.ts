import { type BodyValue, type Operation, operationPlaceholders, type Scalar } from "../contract/contract";
import { effectRefusal, type WritePolicy } from "../contract/effects";
import { composedSchema, SCHEMA_BASE, type SchemaRegistry } from "../contract/schemas";
import { type Exchange, type RequestSpec, type WorkspaceClient, WriteRefused } from "../http/client";
import { formatOfContentType, parseBody, readLeniently, type XmlNode, xmlToJson } from "../http/formats";
import type { Ledger } from "../run/ledger";
import { type CheckContext, NO_RECORD_TO_READ, type ReadResponse, type Variation } from "./check";
import { readKey, type SharedReads } from "./shared-reads";

/** `folders[0].id`, `[0].id`, `id` */
export function selectPath(value: unknown, path: string): unknown {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== "")
    .reduce<unknown>(
      (node, key) => (node == null ? undefined : (node as Record<string, unknown>)[key]),
      value,
    );
}

/** What a create made for an operation: its answer's `response` and the placeholder values it was sent with. */
interface Made {
  answer: unknown;
  values: Record<string, string>;
}

/** `{name}`: a select naming the create's own placeholder value instead of a path in its answer. */
const ownPlaceholder = (select: string) => /^\{([^}]+)\}$/.exec(select)?.[1];

/** The value `select` picks from what a create made: a path in its answer, or `{name}` its own placeholder. */
function selectMade(made: Made, select: string, what: string): string {
  const own = ownPlaceholder(select);
  const value = own ? made.values[own] : selectPath(made.answer, select);
  if (value == null) throw new Error(`could not read ${what}: its answer has no ${select}`);
  return placeholderValue(value, `${what} -> ${select}`);
}

/** A body member with `fill` applied to every text in it, however nested. */
function fillBody(value: BodyValue, fill: (v: Scalar) => Scalar): BodyValue {
  if (Array.isArray(value)) return value.map((item) => fillBody(item, fill)) as BodyValue;
  if (typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
  return fill(value);
}

/**
 * Where `path` runs into an empty list in `value`, if it does: `""` for the value itself, else the
 * path to that list (`files`, `categories[0].threads`), an absent list member included. A list with
 * items, a record missing the selected member, null or a value that is no list where the path
 * indexes one: undefined (those are no empty list).
 */
export function emptyListOn(value: unknown, path: string): string | undefined {
  const parts = path.split(/(?=\[)|\./).filter((part) => part !== "");
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
function placeholderValue(value: unknown, source: string): string {
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

  constructor(private readonly client: WorkspaceClient) {}

  /** Throws NoRecordToRead when the list it selects from is empty; any other miss is a failure. */
  async get(from: string, select: string): Promise<string> {
    const answer = await this.answer(from);
    const empty = emptyListOn(answer, select);
    if (empty !== undefined) throw new NoRecordToRead(from, empty);
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

/** Builds and sends an operation's requests for checks; every exchange is kept as the check's evidence. */
export class OperationRunner implements CheckContext {
  constructor(
    private readonly client: WorkspaceClient,
    readonly schemas: SchemaRegistry,
    private readonly discovered: DiscoveredValues,
    private readonly ledger: Ledger,
    private readonly operations: Map<string, Operation>,
    /** A fresh, recognisable name for each record (`wc-<run>-w<worker>-<n>`), so leftovers can be found. */
    private readonly uniqueName: () => string,
    private readonly evidence: Exchange[],
    readonly runMarker: string,
    private readonly writes: WritePolicy,
    /** The reads of the operation under check, shared by its checks (its fixtures' are never shared). */
    private readonly shared?: SharedReads,
  ) {}

  async send(spec: RequestSpec): Promise<Exchange> {
    const exchange = await this.client.send(spec);
    this.evidence.push(exchange);
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
    if (this.shared?.operation !== op.key) return this.performOnce(op, variation);
    let sentHere = false;
    const read = await this.shared.read(readKey(op, variation), () => {
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
    const values = await this.paramValues(op, variation.unknownIds ?? false, variation.values ?? {});
    const substitute = (text: string, encode: (v: string) => string) =>
      text.replace(/\{([^}]+)\}/g, (_, name: string) => encode(values[name]));
    let path = substitute(op.path, encodeURIComponent);
    if (variation.suffix) path += `.${variation.suffix}`;
    const query = Object.fromEntries(
      Object.entries(op.query).map(([k, v]) => [k, typeof v === "string" ? substitute(v, String) : v]),
    );
    const unique = this.uniqueName();
    const fill = (v: Scalar): Scalar => (typeof v === "string" ? v.replaceAll("{unique}", unique) : v);
    const spec: RequestSpec = {
      method: op.method,
      path,
      query,
      headers: variation.headers,
      authenticated: op.auth === "required",
      authorization: variation.authorization,
    };
    if (op.body) {
      const data = Object.fromEntries(Object.entries(op.body).map(([k, v]) => [k, fillBody(v, fill)]));
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
    if (isPlainRead(op, variation, read)) this.discovered.seen(`GET ${op.path}`, read.value.response);
    if (op.creates && read.exchange.response) this.ledger.answered(unique);
    if (op.reflects)
      read.reflects = Object.fromEntries(Object.entries(op.reflects).map(([k, v]) => [k, fill(v)]));
    // A write with an undo that creates nothing adds what its undo takes away (the CRM's link of a
    // contact to a project, which deleting the contact leaves behind).
    if ((op.creates || op.effects || op.undo) && read.status !== undefined && read.status < 300)
      this.recordUndo(op, read);
    if (op.method === "DELETE" && read.status !== undefined && read.status < 300)
      this.ledger.removed("DELETE", path, query);
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

  private async paramValues(
    op: Operation,
    unknown: boolean,
    given: Record<string, string>,
  ): Promise<Record<string, string>> {
    const values: Record<string, string> = {};
    // Records made once for several params: a create whose own placeholder value one selects
    // (`{contactid}`: the contact an address was added to, for the address's own id beside it).
    const madeOnce = new Map<string, Promise<Made>>();
    const sharing = new Set(
      Object.values(op.params).flatMap((p) =>
        "created" in p && ownPlaceholder(p.select) ? [p.created] : [],
      ),
    );
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
        const creator = source.created;
        const record = () => {
          if (!sharing.has(creator)) return this.createFixture(op, name, creator);
          if (!madeOnce.has(creator)) madeOnce.set(creator, this.createFixture(op, name, creator));
          return madeOnce.get(creator) as Promise<Made>;
        };
        const make = async () =>
          selectMade(await record(), source.select, `{${name}} of ${op.section}.${creator}`);
        // A create's parent and an update's record outlast each request: its requests share one
        // (its round trip reads an update back before the other bodies are sent: ALL_CHECKS); a
        // PUT that removes its record (`gone`: the CRM's batch delete and merge) needs one each.
        const keeps = op.creates || (op.method === "PUT" && !op.gone);
        const shared = keeps && this.shared?.operation === op.key ? this.shared : undefined;
        values[name] = await (shared ? shared.record(name, make) : make());
      }
    }
    return values;
  }

  /** A record made for an operation that needs one (update, delete); undone at the end of the test. */
  private async createFixture(op: Operation, name: string, creator: string): Promise<Made> {
    const create = this.operations.get(`${op.section}.${creator}`);
    if (!create) throw new Error(`${op.key}: no operation ${creator} to create {${name}} with`);
    const read = await this.perform(create, {
      suffix: "json",
      bodyKind: "json",
      headers: { Accept: "application/json" },
    });
    const body = read.exchange.response && readLeniently(read.contentType, read.exchange.response.body);
    if (read.status === undefined || read.status >= 300) {
      throw new Error(
        `could not create a record for {${name}} with ${create.key}: ${read.exchange.error ?? `status ${read.status}`}`,
      );
    }
    return { answer: (body as { response?: unknown } | undefined)?.response, values: read.values ?? {} };
  }

  private recordUndo(op: Operation, read: ReadResponse): void {
    const undo = op.undo;
    if (!undo) return;
    const target = this.operations.get(`${op.section}.${undo.operation}`);
    const body =
      read.value ?? (read.exchange.response && readLeniently(read.contentType, read.exchange.response.body));
    const record = (body as { response?: unknown } | undefined)?.response;
    // `{name}`: the create's own placeholder value (a contact's information is undone under its contact).
    const values = Object.fromEntries(
      Object.entries(undo.params).map(([name, select]) => {
        const placeholder = ownPlaceholder(select);
        return [name, placeholder ? read.values?.[placeholder] : selectPath(record, select)];
      }),
    );
    const missing = Object.entries(values).find(([, v]) => v == null);
    if (!target || missing) {
      this.ledger.orphan(
        `${op.key} wrote something, but its ${missing?.[0] ?? "undo"} could not be read to undo it`,
      );
      return;
    }
    const path = target.path.replace(/\{([^}]+)\}/g, (_, n: string) => encodeURIComponent(String(values[n])));
    // An undo's query takes the values too (a CRM tag is deleted by name: DELETE crm/contact/tag?tagName=).
    const query = Object.fromEntries(
      Object.entries(target.query).map(([k, v]) => [
        k,
        typeof v === "string" ? v.replace(/\{([^}]+)\}/g, (_, n: string) => String(values[n])) : v,
      ]),
    );
    this.ledger.add(`${op.key} ${JSON.stringify(values)}`, {
      method: target.method,
      path: `${path}.json`,
      query,
    });
  }
}
