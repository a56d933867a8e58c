import { type Operation, placeholders } from "../contract/contract";
import { contractIndex } from "../contract/loader";
import type { RequestSpec, WorkspaceClient } from "../http/client";
import { readLeniently } from "../http/formats";

/** Every record a run creates is named with this, then the run's id: `wc-<run>-w<worker>-<n>`. */
export const RECORD_PREFIX = "wc-";

export interface Leftover {
  kind: "person" | "group" | "folder" | "blog post" | "event" | "bookmark" | "forum topic" | "wiki page";
  id: string;
  name: string;
  remove: RequestSpec;
}

/** Where each kind of record is listed and how it is removed: the contract's own operations. */
const SOURCES: {
  kind: Leftover["kind"];
  lists: string[];
  /** The records in a list's `response`. */
  records: (response: unknown) => Record<string, unknown>[];
  names: string[];
  remove: string;
  /** The member the remove operation's placeholder takes (default `id`; a wiki page is named). */
  id?: string;
}[] = [
  {
    kind: "person",
    lists: ["people.list"],
    records: (r) => asArray(r),
    names: ["userName", "firstName", "lastName", "email", "displayName"],
    remove: "people.delete",
  },
  {
    kind: "group",
    lists: ["group.list"],
    records: (r) => asArray(r),
    names: ["name"],
    remove: "group.delete",
  },
  {
    kind: "folder",
    // The suite creates its folders directly under "My documents"; "Common documents" is searched too.
    lists: ["files.my", "files.common"],
    records: (r) => asArray((r as { folders?: unknown } | undefined)?.folders),
    names: ["title"],
    remove: "files.delete-folder",
  },
  ...(
    [
      ["blog post", "community.blog-posts", "community.delete-blog-post"],
      ["event", "community.events", "community.delete-event"],
      ["bookmark", "community.bookmarks", "community.delete-bookmark"],
      ["forum topic", "community.recent-forum-topics", "community.delete-forum-topic"],
    ] as const
  ).map(([kind, list, remove]) => ({ kind, lists: [list], records: asArray, names: ["title"], remove })),
  {
    kind: "wiki page",
    lists: ["community.wiki-pages"],
    records: asArray,
    names: ["name"],
    remove: "community.delete-wiki-page",
    id: "name",
  },
];

const PAGE = 1000;

/** Records whose name starts with `prefix` (which must start with "wc-": nothing else is ever touched). */
export async function findLeftovers(client: WorkspaceClient, prefix = RECORD_PREFIX): Promise<Leftover[]> {
  if (!prefix.startsWith(RECORD_PREFIX)) throw new Error(`the prefix must start with "${RECORD_PREFIX}"`);
  const found = new Map<string, Leftover>();
  for (const source of SOURCES) {
    const remove = operation(source.remove);
    for (const list of source.lists) {
      for (const record of await listAll(client, operation(list), source.records)) {
        const name = source.names
          .map((field) => record[field])
          .find((v) => typeof v === "string" && v.startsWith(prefix));
        const recordId = record[source.id ?? "id"];
        if (typeof name !== "string" || recordId == null) continue;
        const id = String(recordId);
        const path = remove.path.replace(`{${placeholders(remove.path)[0]}}`, encodeURIComponent(id));
        found.set(`${source.kind} ${id}`, {
          kind: source.kind,
          id,
          name,
          remove: { method: remove.method, path: `${path}.json`, query: remove.query },
        });
      }
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
    const exchange = await client.send(leftover.remove);
    const status = exchange.response?.status;
    if (status !== undefined && (status < 300 || status === 404)) removed.push(leftover);
    else failed.push({ leftover, why: exchange.error ?? `status ${status}` });
  }
  return { removed, failed };
}

function operation(key: string): Operation {
  const op = contractIndex().get(key);
  if (!op) throw new Error(`the contract has no operation ${key}`);
  return op;
}

async function listAll(
  client: WorkspaceClient,
  list: Operation,
  records: (response: unknown) => Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  for (let startIndex = 0; ; startIndex += PAGE) {
    const exchange = await client.send({
      method: "GET",
      path: `${list.path}.json`,
      query: { startIndex, count: PAGE },
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
