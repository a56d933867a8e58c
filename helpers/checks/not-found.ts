import type { Operation } from "../contract/contract";
import { violationsInWords } from "../contract/schemas";
import type { Format } from "../http/formats";
import type { Check, CheckContext, ReadResponse, Verdict } from "./check";
import { describeResponse } from "./check";

const hasUnknown = (op: Operation) => op.unknown !== undefined && Object.keys(op.unknown).length > 0;

/** A 404 may have no body; if it has one, it is the error envelope, in the negotiated format. */
function envelopeProblem(read: ReadResponse, format: Format, ctx: CheckContext): string | undefined {
  if (read.status !== 404) return `the status is ${read.status ?? "none"}, not 404`;
  const body = read.exchange.response?.body ?? "";
  if (body.trim() === "") return undefined;
  if (read.format !== format) {
    return `the ${format.toUpperCase()} request got a body in "${read.contentType ?? "no Content-Type"}", not the ${format.toUpperCase()} error envelope`;
  }
  if (read.unreadable) return `the body is ${read.unreadable}`;
  const violations = ctx.schemas.validate(ctx.envelopeSchema(undefined, "error"), read.value);
  if (violations.length) {
    return `the body is not an error envelope: ${violationsInWords(violations)}`;
  }
  const statusCode = (read.value as { statusCode?: unknown }).statusCode;
  if (statusCode !== 404) return `the envelope's statusCode is ${JSON.stringify(statusCode)}, not 404`;
  return undefined;
}

export const notFoundChecks: Check[] = [
  {
    family: "not-found",
    name: "status-404",
    rule: "A request for a record that does not exist answers 404 Not Found.",
    appliesTo: hasUnknown,
    async run(op, ctx): Promise<Verdict> {
      const read = await ctx.perform(op, { unknownIds: true, headers: { Accept: "*/*" } });
      const given = describeResponse(read);
      if (read.status === 404) return { passed: true, expected: "status 404", given, why: "answered 404" };
      return {
        passed: false,
        expected: "status 404",
        given,
        why: `the status is ${read.status ?? "none"}, not 404`,
      };
    },
  },
  {
    family: "not-found",
    name: "error-envelope",
    rule: "A 404 with a body carries the error envelope (status 1, statusCode, error.message) in the negotiated format.",
    appliesTo: hasUnknown,
    async run(op, ctx): Promise<Verdict> {
      const expected = "404; body empty or the error envelope, in XML by default and in JSON for .json";
      const asXml = await ctx.perform(op, { unknownIds: true, headers: { Accept: "*/*" } });
      const asJson = await ctx.perform(op, { unknownIds: true, suffix: "json" });
      const given = `default: ${describeResponse(asXml)}; .json: ${describeResponse(asJson)}`;
      const problems = [
        ["default", envelopeProblem(asXml, "xml", ctx)],
        [".json", envelopeProblem(asJson, "json", ctx)],
      ].filter(([, problem]) => problem);
      if (!problems.length) return { passed: true, expected, given, why: "error envelopes in both formats" };
      return {
        passed: false,
        expected,
        given,
        why: problems.map(([which, p]) => `${which}: ${p}`).join("; "),
      };
    },
  },
];
