import { type CheckResult, failsTheRun } from "../checks/check";
import type { Exchange } from "../http/client";
import { curlCommand } from "../http/curl";
import { formatOfContentType, MAX_NESTING, parseJson } from "../http/formats";

/** A body as a person reads it: JSON and XML indented, anything else as it came. */
export function prettyBody(body: string, contentType: string | undefined): string {
  const format = formatOfContentType(contentType);
  if (format === "json") {
    // Refuses deep nesting too: indenting 20,000 levels writes hundreds of millions of spaces.
    const parsed = parseJson(body);
    return parsed.ok ? JSON.stringify(parsed.value, null, 2) : body;
  }
  if (format === "xml" && body.length < 200_000 && !/>\s*\n\s*</.test(body)) return indentXml(body);
  return body;
}

function indentXml(xml: string): string {
  let depth = 0;
  return xml
    .replace(/>\s*</g, ">\n<")
    .split("\n")
    .map((line) => {
      if (/^<\//.test(line)) depth = Math.max(0, depth - 1);
      const out = "  ".repeat(Math.min(depth, MAX_NESTING)) + line;
      if (/^<[^!?/][^>]*[^/]>$/.test(line) || /^<[^!?/>]>$/.test(line)) depth++;
      return out;
    })
    .join("\n");
}

export function renderExchange(exchange: Exchange): string {
  const { request, response } = exchange;
  const lines = [`> ${request.method} ${request.url}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`> ${name}: ${value}`);
  if (request.body !== undefined) lines.push(">", request.body);
  lines.push("");
  if (!response) {
    lines.push(`< (no response after ${exchange.ms} ms: ${exchange.error})`);
    return lines.join("\n");
  }
  lines.push(`< ${response.status} (${exchange.ms} ms)`);
  for (const [name, value] of Object.entries(response.headers)) lines.push(`< ${name}: ${value}`);
  lines.push("<", prettyBody(response.body, response.headers["content-type"]));
  if (exchange.error) lines.push(`(${exchange.error})`);
  return lines.join("\n");
}

function show(value: unknown): string {
  if (value === undefined) return "(absent)"; // a field one form has and the other lacks
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === "object" && !Array.isArray(value);

/** Continuation lines indented under a label, so a multi-line value reads as one block. */
const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/**
 * Expected and given as a person compares them: a list (schema violations, each with its JSON pointer
 * and, for XML, its element path) one item a line; two records keyed by field (parity) as the fields
 * that differ, each with both values; anything else as it is.
 */
export function renderFindings(expected: unknown, given: unknown): string {
  if (isRecord(expected) && isRecord(given) && Object.keys(given).every((key) => key in expected)) {
    const fields = Object.keys(expected);
    const lines = [`Differs:  ${fields.length} field${fields.length === 1 ? "" : "s"} (expected -> given)`];
    for (const field of fields) {
      lines.push(`  ${field}`, `    expected: ${indent(show(expected[field]), "      ")}`);
      lines.push(`    given:    ${indent(show(given[field]), "      ")}`);
    }
    return lines.join("\n");
  }
  const expectedLine = `Expected: ${indent(show(expected), "  ")}`;
  if (!Array.isArray(given)) return `${expectedLine}\nGiven:    ${indent(show(given), "  ")}`;
  return [expectedLine, "Given:", ...given.map((item) => `  - ${indent(show(item), "    ")}`)].join("\n");
}

/** Outcomes whose requests a developer wants to send again: the check did not pass. */
const REPRODUCIBLE = new Set<CheckResult["outcome"]>(["failed", "deviated"]);

/** A check's result as the reporters receive it: without the exchanges, with `curl` to reproduce a failure. */
export function reportedResult({ exchanges, ...result }: CheckResult, failOnFixed: boolean) {
  return {
    ...result,
    /** Whether it fails the run (failsTheRun): every report decides "failed" by this one flag. */
    gating: failsTheRun(result, failOnFixed),
    requests: exchanges.length,
    ...(REPRODUCIBLE.has(result.outcome) && { curl: exchanges.map(curlCommand) }),
  };
}

/** A check's result as its test reported it (reportedResult: with `curl` when it failed), named by its test. */
export type ReportedCheck = ReturnType<typeof reportedResult> & { test: string };

/** The check id a test error names when it is a check's verdict (renderVerdict's first line), not another error. */
export function checkIdOfVerdict(message: string | undefined): string | undefined {
  return message?.match(/^(?:Error: )?(\S+\/\S+): [A-Z]+\n/)?.[1];
}

/** Why a check failed, in words, with what was expected and what came back. */
export function renderVerdict(result: CheckResult): string {
  return [
    `${result.id}: ${result.outcome.toUpperCase()}`,
    `Rule:     ${result.rule}`,
    `Why:      ${result.why}`,
    renderFindings(result.expected, result.given),
  ].join("\n");
}

/**
 * The whole evidence of one check: the verdict; when it did not pass, its requests as `curl` commands
 * to reproduce it (secrets as shell variables); then every request and response it made.
 */
export function renderEvidence(result: CheckResult): string {
  const reproduce = REPRODUCIBLE.has(result.outcome)
    ? result.exchanges.map(
        (exchange, i) =>
          `Reproduce request ${i + 1} (with WORKSPACE_TOKEN set, docs/reports.md "Reproducing a failure"):\n${curlCommand(exchange)}`,
      )
    : [];
  return [renderVerdict(result), ...reproduce, ...result.exchanges.map(renderExchange)].join("\n\n");
}
