import type { Operation } from "../contract/contract";
import type { Format } from "../http/formats";
import type { CheckContext, ReadResponse, Variation } from "./check";

/** The negotiations the format checks send (basic concepts: the suffix, then Accept, then XML). */
export const NEGOTIATIONS = {
  default: { headers: { Accept: "*/*" } },
  jsonSuffix: { suffix: "json", headers: { Accept: "application/xml" } },
  xmlSuffix: { suffix: "xml", headers: { Accept: "application/json" } },
  acceptJson: { headers: { Accept: "application/json" } },
  acceptXml: { headers: { Accept: "application/xml" } },
  acceptQValues: { headers: { Accept: "application/xml;q=0.4, application/json;q=0.9" } },
} satisfies Record<string, Variation>;

/** The formats a write is checked in: the JSON one is its plain request (successRequest). */
export const WRITE_FORMATS = ["json", "xml", "default"] as const;
export type WriteFormat = (typeof WRITE_FORMATS)[number];

/**
 * A write's request in each format: .json with a JSON body; .xml, and no suffix with an Accept that
 * names no type (the default format), with a form body (both documented): a request whose
 * Content-Type is application/json gets JSON from Workspace 12.x whatever its suffix
 * (workspace-api-facts.md §3), and these are about the format the suffix, or its absence, asks for.
 * Every check of a write in that format sends it (status, format, schema, the round trip), so one
 * request, one record, serves them all; a delete's request in a format removes the record its create
 * made in that format (helpers/checks/round-trip.ts).
 */
export const WRITE_REQUESTS = {
  json: { suffix: "json", bodyKind: "json" },
  xml: { suffix: "xml", bodyKind: "form" },
  default: { bodyKind: "form", headers: { Accept: "*/*" } },
} satisfies Record<WriteFormat, Variation>;

/**
 * A write's form body with .json, as the form request-body check sends it: the record a create makes
 * so is the one its children (a comment under a post) are made under, as no delete takes it.
 */
export const FORM_BODY_REQUEST = { suffix: "json", bodyKind: "form" } satisfies Variation;

/** How the write round trip and a setting's restore read a record: as JSON. */
export const AS_JSON: Variation = { suffix: "json", headers: { Accept: "application/json" } };

/**
 * The operation's plain request: a read as the default format check sends it; a write with a JSON
 * body and .json, as the JSON request-body and schema checks send it. The status and auth checks
 * send it too, so one request (one record created) serves all of them.
 */
export const successRequest = (op: Operation): Variation =>
  op.method === "GET" ? NEGOTIATIONS.default : WRITE_REQUESTS.json;

/**
 * The operation's plain request with another Authorization (null: none), on the record its control
 * (the plain request, already answered) acted on: a write whose record is made for it (`created:`)
 * makes no record for a request that is refused anyway, and a refused create is judged by its list.
 */
export const refusedRequest = (
  op: Operation,
  control: ReadResponse,
  authorization: string | null,
): Variation => ({
  ...successRequest(op),
  authorization,
  ...(control.values && { values: control.values }),
});

/**
 * Answers of a read that carry its data in a format, plainest request first: a check of the data (its
 * schema, XML against JSON) judges the first of them that is a readable success in that format.
 */
const CARRIERS: Record<Format, Variation[]> = {
  json: [NEGOTIATIONS.acceptJson, NEGOTIATIONS.jsonSuffix, NEGOTIATIONS.acceptQValues],
  xml: [NEGOTIATIONS.default, NEGOTIATIONS.acceptXml, NEGOTIATIONS.xmlSuffix],
};

const readableIn = (format: Format) => (read: ReadResponse) =>
  read.status !== undefined &&
  read.status >= 200 &&
  read.status < 300 &&
  read.format === format &&
  !read.unreadable &&
  read.value !== undefined;

/**
 * The operation's answer in `format` for a check of its data: one the format checks already got when
 * it is a readable success in that format (no request sent), else its own request, `own`. So a
 * conforming read is judged on answers already there, and a broken negotiation (.xml ignored, say)
 * fails its format check alone: the data checks still get their format from the suffix.
 */
export async function answerIn(
  op: Operation,
  ctx: CheckContext,
  format: Format,
  own: Variation,
): Promise<ReadResponse> {
  if (op.method === "GET") {
    for (const variation of CARRIERS[format]) {
      const read = ctx.reuse(op, variation, readableIn(format));
      if (read) return read;
    }
  }
  return ctx.perform(op, own);
}
