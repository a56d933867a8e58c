import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  type BodyValue,
  ContractError,
  type Method,
  moduleOfPath,
  type Operation,
  operationPlaceholders,
  type ParamSource,
  type Scalar,
  type Section,
  SPECS_DIR,
  type Upload,
} from "./contract";
import { handedOver, handOver } from "./hand-over";
import { SCHEMAS_DIR, type Violation } from "./schemas";

let cached: Section[] | undefined;

/** The contract of this checkout, loaded once per process; workers read what the main process loaded. */
export function contracts(): Section[] {
  cached ??=
    handedOver<Section[]>("CONTRACTS") ??
    sampled(loadContracts(), process.env.WC_GETS_PER_MODULE, process.env.WC_WRITES_PER_MODULE);
  return cached;
}

/**
 * WC_GETS_PER_MODULE=n (the suite's own tests): each module's first n GETs, the GETs its writes
 * read back with, and all its other operations, so the fault matrix shows each fault caught in every module at a fraction of the
 * whole contract's cost. WC_WRITES_PER_MODULE=m (the fault matrix) keeps the writes of each module's
 * first m write groups only: a write made on no other record's, with every write made on its records
 * (a create, its updates, deletes and children). Discovery (`from:`) sends its request whatever is selected.
 */
export function sampled(
  sections: Section[],
  perModule: string | undefined,
  writeGroups?: string | undefined,
): Section[] {
  const n = Number(perModule);
  if (!perModule || !Number.isInteger(n) || n < 1) return sections;
  const m = Number(writeGroups);
  const groups = writeGroups && Number.isInteger(m) && m > 0 ? m : Number.POSITIVE_INFINITY;
  return sections.map((section) => {
    const writes = keptWrites(section.operations, groups);
    let gets = 0;
    // The reads a write's round trip sends are kept with it.
    const readBy = new Set(
      writes.flatMap((op) =>
        [op.readBack?.operation, op.listedIn?.operation, op.gone?.operation, op.restore?.read].filter(
          (id) => id !== undefined,
        ),
      ),
    );
    const kept = section.operations.filter((op) =>
      op.method === "GET" ? ++gets <= n || readBy.has(op.id) : writes.includes(op),
    );
    return { ...section, operations: kept };
  });
}

/** The writes of the first `groups` write groups: each write's group is its topmost `created:` maker's. */
function keptWrites(operations: Operation[], groups: number): Operation[] {
  const writes = operations.filter((op) => op.method !== "GET");
  if (groups === Number.POSITIVE_INFINITY) return writes;
  const byId = new Map(operations.map((op) => [op.id, op]));
  const rootOf = (op: Operation, seen = new Set<string>()): string => {
    const maker = Object.values(op.params).find((p) => "created" in p);
    const parent = maker && "created" in maker ? byId.get(maker.created) : undefined;
    if (!parent || seen.has(parent.id)) return op.id;
    seen.add(op.id);
    return rootOf(parent, seen);
  };
  const roots = [...new Set(writes.map((op) => rootOf(op)))].slice(0, groups);
  const kept = new Set(writes.filter((op) => roots.includes(rootOf(op))));
  // What a kept write needs is kept, and what that needs (a Set visits what is added while it is
  // walked): every create it acts on (an event's case and category), its undo and the undo's step before.
  for (const op of kept)
    for (const id of [
      ...Object.values(op.params).flatMap((p) => ("created" in p ? [p.created] : [])),
      op.undo?.operation,
      op.undo?.before?.operation,
    ]) {
      const needed = id === undefined ? undefined : byId.get(id);
      if (needed && needed.method !== "GET") kept.add(needed);
    }
  return writes.filter((op) => kept.has(op));
}

/** Hands the loaded contract to the worker processes. */
export function shareContracts(sections: Section[]): void {
  handOver("CONTRACTS", sections);
}

let index: Map<string, Operation> | undefined;

/** Every operation by its key (`people.get-self`). */
export function contractIndex(): Map<string, Operation> {
  index ??= new Map(contracts().flatMap((section) => section.operations.map((op) => [op.key, op] as const)));
  return index;
}

/** Loads and validates every `specs/*.yaml`; throws one ContractError listing all problems. */
export function loadContracts(dir = SPECS_DIR): Section[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".yaml") || name.endsWith(".yml"))
    .sort()
    .map((name) => join(dir, name));
  const problems: string[] = [];
  const sections: Section[] = [];
  for (const file of files) {
    const section = loadContractFile(file, problems);
    if (section) sections.push(section);
  }
  const names = new Map<string, string>();
  for (const section of sections) {
    const other = names.get(section.name);
    if (other) problems.push(`${section.file}: section "${section.name}" is also declared in ${other}`);
    names.set(section.name, section.file);
  }
  checkOtherModuleUndos(sections, problems);
  if (problems.length) throw new ContractError(problems);
  return sections;
}

function loadContractFile(file: string, problems: string[]): Section | undefined {
  // Loaded lazily: the YAML parser is needed only where the contract is read from its files.
  const { readYamlFile } = require("./yaml-file") as typeof import("./yaml-file");
  const read = readYamlFile<RawContract>(file, CONTRACT_SCHEMA, problems, explainCitation);
  if (!read) return undefined;
  const { data: raw, at, shown } = read;
  const operations = Object.entries(raw.operations).map(([id, op]) =>
    toOperation(raw.section, id, op, at(["operations", id])),
  );
  const before = problems.length;
  for (const op of operations) checkReferences(op, operations, problems);
  if (problems.length > before) return undefined;
  return { name: raw.section, title: raw.title ?? raw.section, file: shown, operations };
}

const CONTRACT_SCHEMA = "contract/contract-file.json";

/**
 * A fixed value or an unknown id without its `source:`, or with one of the wrong shape, is told
 * what to cite: a contract value is the server's, and its source line says why.
 */
function explainCitation({ path, message }: Violation): string {
  const what = /\/unknown\/[^/]+(?:\/source)?$/.test(path)
    ? "an unknown id cites the line that signals not-found for it (ItemNotFoundException, NotFoundIfNull or an ErrorMassage_*NotFound)"
    : /\/gone\/source$/.test(path)
      ? "a deleted record's answer cites the line that decides it (ItemNotFoundException)"
      : /\/params\/[^/]+\/source$/.test(path)
        ? "a fixed value cites the parameter's type and its members"
        : undefined;
  if (!what) return message;
  const said = message.startsWith("must match pattern")
    ? "is not <path>:<line> or <path>:<first>-<last>"
    : message;
  return `${said}: ${what} in CommunityServer v12.7.1, as { value, source: "<path>:<line> a few words" }`;
}

interface RawOperation {
  request: string;
  summary?: string;
  auth?: Operation["auth"];
  creates?: boolean;
  effects?: string;
  schema?: string;
  query?: Record<string, Scalar>;
  params?: Record<string, ParamSource | Cited>;
  unknown?: Record<string, Cited>;
  body?: Record<string, BodyValue>;
  upload?: Partial<Upload> & Pick<Upload, "name" | "contentType" | "content">;
  reflects?: Record<string, Scalar>;
  undo?: Operation["undo"];
  readBack?: string | { operation: string; params: Record<string, string> };
  listedIn?: string | { operation: string; at?: string; select?: string };
  gone?: { operation: string; status: number; source: string };
  removes?: true | string;
  restore?: { read: string; body: Record<string, string> };
  locksOut?: boolean;
  volatile?: string[];
  tags?: string[];
}
/** A fixed value with the line of the server's source that justifies it (schemas/contract/contract-file.json). */
interface Cited {
  value: Scalar;
  source: string;
}
interface RawContract {
  section: string;
  title?: string;
  operations: Record<string, RawOperation>;
}

function toOperation(section: string, id: string, raw: RawOperation, source: string): Operation {
  const [method, path] = raw.request.split(" ") as [Method, string];
  const creates = raw.creates ?? false;
  return {
    section,
    id,
    key: `${section}.${id}`,
    method,
    path,
    summary: raw.summary,
    auth: raw.auth ?? "required",
    creates,
    effects: raw.effects,
    successStatus: creates ? 201 : 200,
    schema: raw.schema,
    query: raw.query ?? {},
    params: Object.fromEntries(Object.entries(raw.params ?? {}).map(([name, p]) => [name, withoutSource(p)])),
    unknown:
      raw.unknown && Object.fromEntries(Object.entries(raw.unknown).map(([name, u]) => [name, u.value])),
    body: raw.body,
    upload: raw.upload && { as: "multipart", field: "file", ...raw.upload },
    reflects: raw.reflects,
    undo: raw.undo,
    readBack: typeof raw.readBack === "string" ? { operation: raw.readBack } : raw.readBack,
    listedIn: typeof raw.listedIn === "string" ? { operation: raw.listedIn } : raw.listedIn,
    gone: raw.gone,
    removes: raw.removes,
    restore: raw.restore,
    ...(raw.locksOut && { locksOut: true as const }),
    volatile: raw.volatile ?? [],
    tags: raw.tags ?? [],
    source,
  };
}

/** The citation is the contract file's justification; the checks send the value. */
function withoutSource(param: ParamSource | Cited): ParamSource {
  return "value" in param ? { value: param.value } : param;
}

function checkReferences(op: Operation, all: Operation[], problems: string[]): void {
  const say = (what: string) => problems.push(`${op.source} operations.${op.id}: ${what}`);
  const byId = new Map(all.map((o) => [o.id, o]));
  const module = moduleOfPath(op.path);
  if (module !== op.section)
    say(`${op.path} is in module "${module}", not "${op.section}": a file's section is its module`);
  const names = operationPlaceholders(op);
  for (const name of names) {
    if (!op.params[name]) say(`placeholder {${name}} has no entry under params`);
  }
  for (const name of Object.keys(op.params)) {
    if (!names.includes(name)) say(`params.${name} is not a placeholder of ${op.path} or its query`);
    const source = op.params[name];
    const from = "from" in source ? source.from : undefined;
    const lookedUp = from && all.find((o) => `${o.method} ${o.path}` === from);
    if (lookedUp && lookedUp.effects !== undefined)
      say(`params.${name}.from ${from} has side effects (${lookedUp.effects}): no look-up may cause them`);
    // A record a create made, one a write with an undo made (mail's PUT drafts/save saves a new
    // draft), or one a write then changed (a user suspended before it is deleted).
    const maker = "created" in source ? byId.get(source.created) : undefined;
    const changesCreated = maker?.method === "PUT" && Object.values(maker.params).some((p) => "created" in p);
    const makes = maker?.creates || (maker?.method !== "GET" && maker?.undo) || changesCreated;
    if ("created" in source && !makes) {
      say(
        `params.${name}.created names "${source.created}", which neither creates nor changes a created record`,
      );
    }
  }
  for (const name of Object.keys(op.unknown ?? {})) {
    if (!op.params[name]) say(`unknown.${name} is not a placeholder of ${op.path} or its query`);
  }
  if (op.schema && !existsSync(join(SCHEMAS_DIR, op.schema)))
    say(`schema ${op.schema} does not exist under schemas/`);
  if (op.creates && op.method !== "POST") say("creates: true needs a POST request");
  if (op.effects && op.method !== "GET") say(`effects marks a GET; a ${op.method} counts as a write already`);
  if (op.creates && !op.undo) say("a creating operation needs undo, so the run leaves nothing behind");
  const own = (select: string) => /^\{([^}]+)\}$/.exec(select)?.[1];
  for (const [name, source] of Object.entries(op.params)) {
    const sent = "created" in source ? own(source.select) : undefined;
    const maker = "created" in source ? byId.get(source.created) : undefined;
    if (sent && maker && !operationPlaceholders(maker).includes(sent))
      say(`params.${name}.select {${sent}} is no placeholder of ${maker.path}`);
  }
  for (const [key, undo] of [
    ["undo", op.undo],
    ["undo.before", op.undo?.before],
  ] as const) {
    if (!undo) continue;
    for (const [name, select] of Object.entries(undo.params)) {
      const sent = own(select);
      if (sent && !operationPlaceholders(op).includes(sent))
        say(`${key}.params.${name} {${sent}} is no placeholder of ${op.path}`);
    }
    // Another module's operation (`files.delete-file`) is checked once every file is loaded.
    if (undo.operation.includes(".")) continue;
    checkUndoTarget(key, undo, byId.get(undo.operation), "an operation here", say);
  }
  if (op.reflects && !op.body && !op.upload) say("reflects needs a body or an upload");
  if (op.upload && op.method !== "POST" && op.method !== "PUT") say("upload needs a POST or PUT request");
  if (op.upload?.encoding === "base64" && !/^[A-Za-z0-9+/]*={0,2}$/.test(op.upload.content))
    say("upload.content with encoding base64 holds characters base64 has not");
  if (op.upload?.as === "raw" && op.body)
    say("a raw upload is the whole request body: its other values go in query, not body");
  checkRoundTrip(op, byId, say);
}

/** An undo step's target exists and each of its placeholders is given a value. */
function checkUndoTarget(
  key: string,
  undo: { operation: string; params: Record<string, string> },
  target: Operation | undefined,
  where: string,
  say: (what: string) => void,
): void {
  if (!target) {
    say(`${key}.operation names "${undo.operation}", which is not ${where}`);
    return;
  }
  for (const name of operationPlaceholders(target)) {
    if (!undo.params[name] && !("value" in (target.params[name] ?? {})))
      say(`${key}.params has no value for {${name}} of ${target.path}`);
  }
}

/**
 * Undo steps naming another module's operation as `<section>.<id>`: what a write made in that module
 * (mail's attachment exported into the user's documents) removed by that module's own operation.
 */
function checkOtherModuleUndos(sections: Section[], problems: string[]): void {
  const byKey = new Map(sections.flatMap((section) => section.operations.map((op) => [op.key, op] as const)));
  for (const op of sections.flatMap((section) => section.operations)) {
    const say = (what: string) => problems.push(`${op.source} operations.${op.id}: ${what}`);
    for (const [key, undo] of [
      ["undo", op.undo],
      ["undo.before", op.undo?.before],
    ] as const) {
      if (undo?.operation.includes("."))
        checkUndoTarget(key, undo, byKey.get(undo.operation), "an operation of the contract", say);
    }
  }
}

/** The round trip's reads: GETs of the section, each placeholder given a value (docs/contributing.md). */
function checkRoundTrip(op: Operation, byId: Map<string, Operation>, say: (what: string) => void): void {
  const read = (key: string, id: string) => {
    const target = byId.get(id);
    if (!target) say(`${key} names "${id}", which is not an operation here`);
    else if (target.method !== "GET") say(`${key} names "${id}", a ${target.method}: it must be a GET`);
    return target?.method === "GET" ? target : undefined;
  };
  const own = operationPlaceholders(op);
  // A placeholder the target gives a fixed value (`value:`: the calendars' dates) needs none of op's.
  const takesOwn = (key: string, target: Operation) => {
    for (const name of operationPlaceholders(target))
      if (!own.includes(name) && !("value" in (target.params[name] ?? {})))
        say(`${key}: {${name}} of ${target.path} is no placeholder of ${op.path}`);
  };
  if (op.readBack) {
    const target = read("readBack.operation", op.readBack.operation);
    if (op.creates) {
      if (!op.readBack.params) say("readBack on a create needs params: where its answer has each value");
      else if (target)
        for (const name of operationPlaceholders(target))
          if (!op.readBack.params[name]) say(`readBack.params has no value for {${name}} of ${target.path}`);
    } else if (op.method !== "PUT" && !op.restore)
      say("readBack marks a create, an update (PUT) or a restored setting");
    else if (op.readBack.params)
      say("readBack on an update takes no params: the GET takes the update's values");
    else if (target) takesOwn("readBack", target);
    if (!op.reflects) say("readBack needs reflects: what the record must carry when read back");
  }
  if (op.listedIn) {
    const target = read("listedIn", op.listedIn.operation);
    if (!op.creates) say("listedIn marks a create");
    if (!op.listedIn.select && !op.readBack?.params)
      say("listedIn needs select, or readBack params whose first member it matches on");
    if (target) takesOwn("listedIn", target);
  }
  if (op.gone) {
    const target = read("gone.operation", op.gone.operation);
    // A PUT may delete too (the CRM's batch delete and merge, PUT crm/contact and crm/contact/merge).
    if (op.method !== "DELETE" && op.method !== "PUT") say("gone marks a DELETE, or a PUT that deletes");
    if (target) takesOwn("gone", target);
  }
  if (op.restore) {
    const target = read("restore.read", op.restore.read);
    if (op.method === "GET" || op.creates)
      say("restore marks a write that changes a setting, not a read or a create");
    if (target) takesOwn("restore.read", target);
    // A PUT that replaces resets what its body leaves out: the restore sends back every member.
    for (const name of Object.keys(op.body ?? {}))
      if (op.restore.body[name] === undefined) say(`restore.body has no path for body member ${name}`);
  }
  if (op.locksOut && op.method === "GET") say("locksOut marks a write");
  if (typeof op.removes === "string" && !("created" in (op.params[op.removes] ?? {})))
    say(`removes names {${op.removes}}, which takes no record a create made (created:)`);
}
