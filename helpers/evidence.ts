import type { CheckResult } from "./checks/check";
import type { Exchange } from "./client";
import { formatOfContentType } from "./formats";

/** A body as a person reads it: JSON and XML indented, anything else as it came. */
export function prettyBody(body: string, contentType: string | undefined): string {
  const format = formatOfContentType(contentType);
  if (format === "json") {
    try {
      return JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      return body;
    }
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
      const out = "  ".repeat(depth) + line;
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
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

/** Why a check failed, in words, with what was expected and what came back. */
export function renderVerdict(result: CheckResult): string {
  return [
    `${result.id}: ${result.outcome.toUpperCase()}`,
    `Rule:     ${result.rule}`,
    `Why:      ${result.why}`,
    `Expected: ${show(result.expected)}`,
    `Given:    ${show(result.given)}`,
  ].join("\n");
}

/** The whole evidence of one check: verdict first, then every request and response it made. */
export function renderEvidence(result: CheckResult): string {
  return [renderVerdict(result), ...result.exchanges.map(renderExchange)].join("\n\n");
}
