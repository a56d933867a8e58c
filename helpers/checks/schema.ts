import type { Operation } from "../contract/contract";
import { type Format, xmlElementPath } from "../http/formats";
import type { Check, Verdict } from "./check";
import { describeResponse } from "./check";
import { answerIn, WRITE_REQUESTS } from "./requests";

const hasSchema = (op: Operation) => op.schema !== undefined;

/** The envelope and the resource validate against schemas/ in the given format; XML is read by the schema. */
function schemaCheck(format: Format): Check {
  return {
    family: "schema",
    name: format,
    rule: `The ${format.toUpperCase()} response (envelope and resource) matches its JSON Schema.`,
    appliesTo: hasSchema,
    async run(op, ctx): Promise<Verdict> {
      const schemaId = ctx.envelopeSchema(op, "success");
      const expected = `a ${format.toUpperCase()} body valid against ${op.schema} in the success envelope`;
      // A read is judged on an answer in its format the format checks already got, if there is one;
      // a write on its request in that format, which its status and format checks send too.
      const read = await answerIn(op, ctx, format, WRITE_REQUESTS[format]);
      const given = describeResponse(read);
      if (read.status === undefined || read.status < 200 || read.status > 299) {
        return {
          passed: false,
          expected,
          given,
          why: `the request did not succeed (status ${read.status ?? "none"})`,
        };
      }
      if (read.format !== format || read.unreadable) {
        return {
          passed: false,
          expected,
          given,
          why: read.unreadable ?? `the answer is not ${format.toUpperCase()}`,
        };
      }
      const violations = ctx.schemas.validate(schemaId, read.value);
      if (!violations.length) return { passed: true, expected, given, why: "valid" };
      const where = (pointer: string) =>
        format === "xml" ? `${pointer} (element ${xmlElementPath(pointer)})` : pointer;
      return {
        passed: false,
        expected,
        given: violations.map((v) => `${where(v.path)}: ${v.message}`),
        why: `${violations.length} schema violation${violations.length > 1 ? "s" : ""}: ${violations
          .slice(0, 5)
          .map((v) => `${where(v.path)} ${v.message}`)
          .join("; ")}`,
      };
    },
  };
}

export const schemaChecks: Check[] = [schemaCheck("json"), schemaCheck("xml")];
