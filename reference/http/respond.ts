import type { ServerResponse } from "node:http";
import type { ActiveFaults } from "../faults";
import type { ActiveVariants } from "../variants";
import { errorEnvelope, successEnvelope } from "../wire/envelope";
import type { JsonObject } from "../wire/json-value";
import { type Format, serialize } from "../wire/serialize";
import { type ApiError, RecordNotFoundError } from "./errors";

/** How every reply to one API request is written. */
export interface Reply {
  format: Format;
  faults: ActiveFaults;
  variants: ActiveVariants;
  /** Echoed in every envelope when nonzero. */
  startIndex: number;
  /** The schema of a success's `response` (path under schemas/), once the route is known. */
  schema?: string;
}

const COMMON_HEADERS = { "Cache-Control": "private, max-age=0" };

export function sendEnvelope(
  response: ServerResponse,
  status: number,
  envelope: JsonObject,
  reply: Reply,
  headers: Record<string, string> = {},
): void {
  const { contentType, body } = serialize(envelope, reply.format, reply.faults, reply.variants, reply.schema);
  response.writeHead(status, {
    ...COMMON_HEADERS,
    ...headers,
    "Content-Type": contentType,
    "Content-Length": Buffer.byteLength(body),
  });
  response.end(body);
}

export function sendNoContent(response: ServerResponse, headers: Record<string, string> = {}): void {
  response.writeHead(204, { ...COMMON_HEADERS, ...headers });
  response.end();
}

export function sendPlain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  response.end(text);
}

/**
 * The error envelope in the negotiated format. Missing records (basic concepts: "404 Not Found")
 * are decided here, so the not-found faults hook in here.
 */
export function sendError(response: ServerResponse, error: ApiError, reply: Reply): void {
  const { faults, startIndex } = reply;
  const missingRecord = error instanceof RecordNotFoundError;
  if (missingRecord && faults.has("not-found-returns-200")) {
    sendEnvelope(response, 200, successEnvelope(200, undefined, { startIndex }, faults), reply);
  } else if (missingRecord && faults.has("not-found-without-envelope")) {
    sendPlain(response, 404, "Not Found");
  } else {
    const status = missingRecord && faults.has("not-found-returns-500") ? 500 : error.status;
    const envelope = errorEnvelope(status, error.message, error.hresult, startIndex);
    sendEnvelope(response, status, envelope, reply, error.headers);
  }
}
