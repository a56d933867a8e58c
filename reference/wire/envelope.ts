import type { ActiveFaults } from "../faults";
import type { JsonObject, JsonValue } from "./json-value";

/** Paging members of the success envelope (facts §6); omitted when undefined. */
export interface Paging {
  startIndex?: number;
  nextIndex?: number;
  total?: number;
}

/**
 * facts §1: a collection counts its items, a string its length, any other object 1; a void
 * result (undefined) answers `response: {}` without count.
 */
function defaultCount(response: JsonValue | undefined): number {
  if (response === undefined || response === null) return 0;
  if (Array.isArray(response) || typeof response === "string") return response.length;
  return 1;
}

/** Member order: count, startIndex, nextIndex, total, status, statusCode, response. Zeros are omitted. */
export function successEnvelope(
  statusCode: number,
  response: JsonValue | undefined,
  paging: Paging,
  faults: ActiveFaults,
  count: number = defaultCount(response),
): JsonObject {
  return {
    count: count || undefined,
    startIndex: paging.startIndex || undefined,
    nextIndex: paging.nextIndex,
    total: paging.total,
    status: faults.has("envelope-status-as-string") ? "ok" : 0,
    statusCode,
    response: response ?? {},
  };
}

/** `{"status":1,"statusCode":404,"error":{"message":…,"hresult":…,"data":{}}}` (facts §2). */
export function errorEnvelope(
  statusCode: number,
  message: string,
  hresult: number,
  startIndex: number,
): JsonObject {
  return {
    startIndex: startIndex || undefined,
    status: 1,
    statusCode,
    error: { message, hresult, data: {} },
  };
}
