import type { Operation } from "../contract/contract";
import type { Check, CheckContext, ReadResponse, Verdict } from "./check";
import { describeResponse, responseOf } from "./check";
import { selectPath } from "./operations";
import { AS_JSON, FORM_BODY_REQUEST, WRITE_REQUESTS } from "./requests";
import { fieldsNotCarried } from "./round-trip";

/**
 * An upload's body is its file (multipart/form-data or raw), never JSON or a form: its status, format,
 * schema, round trip and auth checks send it as declared, and these do not apply.
 */
const hasBody = (op: Operation) => op.body !== undefined && op.method !== "GET" && !op.upload;

type Members = Record<string, unknown>;

/**
 * The record the write answered, or, for a write that answers nothing (void, no schema in the
 * contract) or a bare value (a setting's new name) and names the read that shows what it changed
 * (`readBack` of an update or a setting), that read's answer.
 */
async function answered(op: Operation, ctx: CheckContext, read: ReadResponse): Promise<Members | undefined> {
  const response = (read.value as { response?: Members } | undefined)?.response;
  const get = op.readBack && !op.creates && ctx.sibling(op, op.readBack.operation);
  // The contract names no schema for a write that answers nothing (void: `response: {}`).
  if ((typeof response === "object" && response !== null && op.schema) || !get) return response ?? undefined;
  const back = await ctx.perform(get, { ...AS_JSON, values: read.values });
  return responseOf(back) as Members | undefined;
}

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
      const expected = { status: "2xx", fields: read.reflects ?? {} };
      if (read.status === undefined || read.status < 200 || read.status > 299) {
        return {
          passed: false,
          expected,
          given,
          why: `the ${contentType} body was not accepted (status ${read.status ?? "none"})`,
        };
      }
      const record = (await answered(op, ctx, read)) ?? {};
      const differing = fieldsNotCarried(record, read.reflects ?? {});
      if (differing.length) {
        return {
          passed: false,
          expected,
          given: {
            status: read.status,
            fields: Object.fromEntries(differing.map((f) => [f, selectPath(record, f)])),
          },
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
