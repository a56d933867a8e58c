import type { Paging } from "./envelope";
import type { JsonValue } from "./json-value";

/** The deployment's maxPage: an absent, invalid or larger `count` means 1000. */
const MAX_PAGE = 1000;

export function nonNegativeInteger(text: string | null): number | undefined {
  return text !== null && /^\d+$/.test(text.trim()) ? Number(text) : undefined;
}

/**
 * Generic list paging (facts §6): skip `startIndex`, take `count` (0 = all). `total` is the full
 * length, sent only when the list is longer than `count`. The lists served here are lazy
 * enumerables on the real server, which never sends `nextIndex` for them, so neither does this.
 */
export function pageList(items: JsonValue[], query: URLSearchParams): { page: JsonValue[]; paging: Paging } {
  const startIndex = nonNegativeInteger(query.get("startIndex")) ?? 0;
  const count = Math.min(nonNegativeInteger(query.get("count")) ?? MAX_PAGE, MAX_PAGE);
  const page = items.slice(startIndex, count === 0 ? undefined : startIndex + count);
  const total = count !== 0 && items.length > count ? items.length : undefined;
  return { page, paging: { startIndex, total } };
}
