import type { Operation } from "../contract/contract";
import type { Check, Verdict } from "./check";
import { describeResponse } from "./check";
import { FORM_BODY_REQUEST, WRITE_REQUESTS } from "./requests";
import { fieldsNotCarried } from "./round-trip";

/**
 * An upload's body is its file (multipart/form-data or raw), never JSON or a form: its status, format,
 * schema, round trip and auth checks send it as declared, and these do not apply.
 */
const hasBody = (op: Operation) => op.body !== undefined && op.method !== "GET" && !op.upload;

/** The record must carry what the body said: proof the body was read, not merely accepted. */
function bodyCheck(kind: "json" | "form", contentType: string): Check {
  return {
    family: "request-body",
    name: kind,
    rule: `A request body sent as ${contentType} is accepted and read.`,
    appliesTo: hasBody,
    async run(op, ctx): Promise<Verdict> {
      const read = await ctx.perform(op, kind === "form" ? FORM_BODY_REQUEST : WRITE_REQUESTS.json);
      const given = describeResponse(read);
      // A void answer (no schema: mail's settings flags) carries nothing; its round trip reads the record back.
      const reflects = (op.schema && read.reflects) || {};
      const expected = { status: "2xx", fields: reflects };
      if (read.status === undefined || read.status < 200 || read.status > 299) {
        return {
          passed: false,
          expected,
          given,
          why: `the ${contentType} body was not accepted (status ${read.status ?? "none"})`,
        };
      }
      const record = (read.value as { response?: Record<string, unknown> } | undefined)?.response ?? {};
      const differing = fieldsNotCarried(record, reflects);
      if (differing.length) {
        return {
          passed: false,
          expected,
          given: { status: read.status, fields: Object.fromEntries(differing.map((f) => [f, record[f]])) },
          why: `the record does not carry what the ${contentType} body sent: ${differing.join(", ")}`,
        };
      }
      return { passed: true, expected, given, why: `accepted and read (status ${read.status})` };
    },
  };
}

export const requestBodyChecks: Check[] = [
  bodyCheck("json", "application/json"),
  bodyCheck("form", "application/x-www-form-urlencoded"),
];
