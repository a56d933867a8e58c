import { undoRequest } from "../checks/undo-request";
import { type Operation, operationPlaceholders } from "../contract/contract";
import { contractIndex } from "../contract/loader";
import type { RequestSpec, WorkspaceClient } from "../http/client";
import { readLeniently } from "../http/formats";

/** Every record a run creates is named with this, then the run's id: `wc-<run>-w<worker>-<n>`. */
export const RECORD_PREFIX = "wc-";

export interface Leftover {
  /** The contract's create that makes this kind of record: `community.create-blog-post`. */
  kind: string;
  id: string;
  name: string;
  /** The create's undo, and its `before` step first where it has one (a person is suspended, then deleted). */
  remove: RequestSpec[];
}

/**
 * Where a kind of record is listed and how it is removed, read from the contract: a create with an
 * `undo` and a `listedIn` whose list's placeholders all have fixed values. Its names are the members
 * its `reflects` fills with `{unique}`; its remove is its undo, each placeholder taking the member the
 * undo names (or, for `{name}`, the create's own fixed value: a custom field's `{entityType}`).
 */
export interface LeftoverSource {
  kind: string;
  list: Operation;
  /** The list in the list's `response` (`folders`, for a folder's contents). */
  at?: string;
  names: string[];
  /** The undo's steps, in the order they are sent, each with its placeholders and the record members they take. */
  remove: { operation: Operation; params: Record<string, string> }[];
  /** The create's fixed placeholder values, for an undo's `{name}`. */
  fixed: Record<string, string>;
}

/** The placeholders `op` gives fixed values (`value:` params), each as text. */
function fixedValues(op: Operation): Record<string, string> {
  return Object.fromEntries(
    Object.entries(op.params).flatMap(([name, p]) => ("value" in p ? [[name, String(p.value)]] : [])),
  );
}

/**
 * Every kind of record the contract can create: sweepable ones (a `LeftoverSource`) and the others
 * with why not. A create under another record (a post's comment, `params: { x: { created } }`) is
 * listed under its parent, so it goes with its parent's removal.
 */
export function leftoverSources(operations: Iterable<Operation> = contractIndex().values()): {
  sources: LeftoverSource[];
  unsweepable: { kind: string; why: string }[];
} {
  const sources: LeftoverSource[] = [];
  const unsweepable: { kind: string; why: string }[] = [];
  const byKey = new Map([...operations].map((op) => [op.key, op]));
  for (const op of byKey.values()) {
    if (!op.creates || !op.undo) continue;
    const parent = Object.values(op.params).find((p) => "created" in p);
    if (parent) continue;
    const at = (id: string) => byKey.get(`${op.section}.${id}`);
    const list = op.listedIn && at(op.listedIn.operation);
    const steps = [...(op.undo.before ? [op.undo.before] : []), op.undo];
    const remove = steps.map((step) => ({ operation: at(step.operation), params: step.params }));
    const names = Object.entries(op.reflects ?? {})
      .filter(([, value]) => typeof value === "string" && value.startsWith("{unique}"))
      .map(([member]) => member);
    const listFixed = list ? fixedValues(list) : {};
    const open = list && operationPlaceholders(list).filter((name) => !(name in listFixed));
    const why = !list
      ? "no listedIn: no list shows it"
      : open?.length
        ? `its list ${list.key} takes {${open[0]}}`
        : !names.length
          ? "no reflects member starts with {unique}: its name cannot be recognised"
          : undefined;
    if (why || !list || remove.some((step) => !step.operation))
      unsweepable.push({ kind: op.key, why: why ?? "its undo is not in the contract" });
    else
      sources.push({
        kind: op.key,
        list,
        at: op.listedIn?.at,
        names,
        remove: remove as LeftoverSource["remove"],
        fixed: fixedValues(op),
      });
  }
  return { sources, unsweepable };
}

const PAGE = 1000;

/**
 * Records whose name starts with `prefix` (which must start with "wc-": nothing else is ever touched).
 * A list with effects (calendars: the caller's default calendar is made on first call) is read only
 * where writing is allowed.
 */
export async function findLeftovers(
  client: WorkspaceClient,
  prefix = RECORD_PREFIX,
  { listsWithEffects = false } = {},
): Promise<Leftover[]> {
  if (!prefix.startsWith(RECORD_PREFIX)) throw new Error(`the prefix must start with "${RECORD_PREFIX}"`);
  const found = new Map<string, Leftover>();
  const sources = leftoverSources().sources.filter((source) => listsWithEffects || !source.list.effects);
  // The contract's later creates are often made under or beside earlier ones: removed first.
  for (const source of sources.reverse()) {
    const records = (response: unknown) =>
      asArray(source.at ? (response as Record<string, unknown> | undefined)?.[source.at] : response);
    for (const record of await listAll(client, source.list, records)) {
      const name = source.names
        .map((field) => record[field])
        .find((v) => typeof v === "string" && v.startsWith(prefix));
      const own = (select: string) => /^\{([^}]+)\}$/.exec(select)?.[1];
      const values = source.remove.map(({ params }) =>
        Object.fromEntries(
          Object.entries(params).map(([name, select]) => {
            const fixed = own(select);
            return [name, fixed ? source.fixed[fixed] : record[select]];
          }),
        ),
      );
      if (typeof name !== "string" || values.some((v) => Object.values(v).some((value) => value == null)))
        continue;
      const id = Object.values(values[values.length - 1])
        .map(String)
        .join("/");
      found.set(`${source.kind} ${id}`, {
        kind: source.kind,
        id,
        name,
        remove: source.remove.map(({ operation }, i) => undoRequest(operation, values[i])),
      });
    }
  }
  return [...found.values()];
}

/** Removes each leftover; a record already gone (404) counts as removed. */
export async function removeLeftovers(
  client: WorkspaceClient,
  leftovers: Leftover[],
): Promise<{ removed: Leftover[]; failed: { leftover: Leftover; why: string }[] }> {
  const removed: Leftover[] = [];
  const failed: { leftover: Leftover; why: string }[] = [];
  for (const leftover of leftovers) {
    let exchange = await client.send(leftover.remove[0]);
    for (const step of leftover.remove.slice(1)) exchange = await client.send(step);
    const status = exchange.response?.status;
    if (status !== undefined && (status < 300 || status === 404)) removed.push(leftover);
    else failed.push({ leftover, why: exchange.error ?? `status ${status}` });
  }
  return { removed, failed };
}

async function listAll(
  client: WorkspaceClient,
  list: Operation,
  records: (response: unknown) => Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  const fixed = fixedValues(list);
  const path = list.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(fixed[name]));
  for (let startIndex = 0; ; startIndex += PAGE) {
    const exchange = await client.send({
      method: "GET",
      path: `${path}.json`,
      query: { ...list.query, startIndex, count: PAGE },
      headers: { Accept: "application/json" },
    });
    const response = exchange.response;
    if (response?.status !== 200) {
      throw new Error(
        `could not list with ${list.method} ${list.path}: ${exchange.error ?? `status ${response?.status}`}`,
      );
    }
    const page = records(
      (readLeniently(response.headers["content-type"], response.body) as { response?: unknown })?.response,
    );
    all.push(...page);
    // Folder contents are one page; lists shorter than a page are complete.
    if (page.length < PAGE || list.section === "files") return all;
  }
}

function asArray(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}
