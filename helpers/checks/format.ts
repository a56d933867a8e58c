import type { Operation } from "../contract/contract";
import type { Format } from "../http/formats";
import { type Check, type CheckContext, describeResponse, type Variation, type Verdict } from "./check";
import { NEGOTIATIONS, WRITE_REQUESTS, type WriteFormat } from "./requests";

const isRead = (op: Operation) => op.method === "GET";

const LABEL: Record<Format, string> = {
  json: "JSON (application/json, well-formed)",
  xml: "XML (application/xml or text/xml, well-formed, root <result>)",
};

/** The response must be a success in `format`: announced by Content-Type and well-formed in it. */
export async function expectFormat(
  op: Operation,
  ctx: CheckContext,
  variation: Variation,
  format: Format,
): Promise<Verdict> {
  const read = await ctx.perform(op, variation);
  const given = describeResponse(read);
  const fail = (why: string): Verdict => ({ passed: false, expected: LABEL[format], given, why });
  if (read.status === undefined) return fail(given);
  if (read.status < 200 || read.status > 299)
    return fail(`the request did not succeed (status ${read.status}), so its format says nothing`);
  if (read.format !== format) {
    return fail(
      `the answer is ${read.format?.toUpperCase() ?? `"${read.contentType ?? "no Content-Type"}"`}, not ${format.toUpperCase()}`,
    );
  }
  if (read.unreadable) return fail(`the body is ${read.unreadable}`);
  if (format === "xml" && read.xmlRoot !== "result")
    return fail(`the XML root element is <${read.xmlRoot}>, not <result>`);
  return { passed: true, expected: LABEL[format], given, why: `answered ${format.toUpperCase()}` };
}

/**
 * A format check of reads, with `write`: of writes too, on the write's own request in that format
 * (helpers/checks/requests.ts), which its status check sends anyway: no request of its own.
 */
function formatCheck(
  name: string,
  rule: string,
  variation: Variation,
  format: Format,
  write?: WriteFormat,
): Check {
  return {
    family: "format",
    name,
    rule,
    appliesTo: (op) => isRead(op) || write !== undefined,
    run: (op, ctx) => expectFormat(op, ctx, write && !isRead(op) ? WRITE_REQUESTS[write] : variation, format),
  };
}

export const formatChecks: Check[] = [
  formatCheck(
    "default-is-xml",
    "With no suffix and an Accept that names no type (*/*), the response is XML.",
    NEGOTIATIONS.default,
    "xml",
    "default",
  ),
  formatCheck(
    "json-suffix",
    "The .json suffix gives JSON, whatever Accept says.",
    NEGOTIATIONS.jsonSuffix,
    "json",
    "json",
  ),
  formatCheck(
    "xml-suffix",
    "The .xml suffix gives XML, whatever Accept says.",
    NEGOTIATIONS.xmlSuffix,
    "xml",
    "xml",
  ),
  formatCheck("accept-json", "Accept: application/json gives JSON.", NEGOTIATIONS.acceptJson, "json"),
  formatCheck("accept-xml", "Accept: application/xml gives XML.", NEGOTIATIONS.acceptXml, "xml"),
  formatCheck(
    "accept-q-values",
    "Accept q-values are honoured: the type with the higher q wins.",
    NEGOTIATIONS.acceptQValues,
    "json",
  ),
];
