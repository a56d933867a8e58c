import { undoRequest } from "../checks/undo-request";
import { type Operation, operationPlaceholders } from "../contract/contract";
import { contractIndex } from "../contract/loader";
import type { RequestSpec, WorkspaceClient } from "../http/client";
import { readLeniently } from "../http/formats";

/** Every record a run creates is named with this, then the run's id: `wc-<run>-w<worker>-<n>`. */
export const RECORD_PREFIX = "wc-";

export interface Leftover {
  kind:
    | "person"
    | "group"
    | "folder"
    | "blog post"
    | "event"
    | "bookmark"
    | "forum topic"
    | "forum thread"
    | "wiki page"
    | "calendar"
    | "calendar event"
    | "task";
  id: string;
  name: string;
  /** Sent ahead of `remove` (a user is suspended before it can be deleted). */
  before?: RequestSpec;
  remove: RequestSpec;
}

/** The run's own calendars, and its events and tasks, are read between these dates (any they were made at). */
const CALENDARS = "calendar.calendars-between";
const ALL_DATES = { startDate: "2000-01-01", endDate: "2100-12-31" };
const inCalendars = (member: string) => (r: unknown) =>
  asArray(r).flatMap((calendar) => asArray(calendar[member]));

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
  /** An operation sent first, its placeholder (path or body) the record's id. */
  before?: string;
}[] = [
  {
    kind: "person",
    lists: ["people.list"],
    records: (r) => asArray(r),
    names: ["userName", "firstName", "lastName", "email", "displayName"],
    // DeleteMember deletes a suspended user only (EmployeeApi.cs:861-862).
    before: "people.suspend",
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
    kind: "forum thread",
    lists: ["community.forums"],
    records: (r) =>
      asArray((r as { categories?: unknown } | undefined)?.categories).flatMap((c) => asArray(c.threads)),
    names: ["title"],
    remove: "community.delete-forum-thread",
  },
  // Reading the calendars makes the account's default one if it has none (the read's `effects`).
  {
    kind: "calendar",
    lists: [CALENDARS],
    records: asArray,
    names: ["title"],
    remove: "calendar.delete-calendar",
    id: "objectId",
  },
  {
    kind: "calendar event",
    lists: [CALENDARS],
    records: inCalendars("events"),
    names: ["title"],
    remove: "calendar.delete-event",
    id: "objectId",
  },
  {
    kind: "task",
    lists: [CALENDARS],
    records: inCalendars("todos"),
    names: ["title"],
    remove: "calendar.delete-todo",
    id: "objectId",
  },
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
        // The operation's one placeholder without a fixed value (a suspension's `userid`, not its `status`).
        const ofId = (op: Operation) => {
          const named = operationPlaceholders({ ...op, query: {} }).find(
            (n) => !("value" in (op.params[n] ?? {})),
          );
          return undoRequest(op, { [named ?? ""]: id });
        };
        found.set(`${source.kind} ${id}`, {
          kind: source.kind,
          id,
          name,
          ...(source.before && { before: ofId(operation(source.before)) }),
          remove: ofId(remove),
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
    if (leftover.before) await client.send(leftover.before); // the remove's status says whether it worked
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
    const path = list.path.replace(/\{(\w+)\}/g, (_, name: keyof typeof ALL_DATES) => ALL_DATES[name]);
    const exchange = await client.send({
      method: "GET",
      path: `${path}.json`,
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
