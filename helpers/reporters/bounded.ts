import type { CheckResult } from "../checks/check";
import type { Exchange } from "../http/client";

/**
 * How much of one body or value a check's evidence keeps. Evidence is copied into every report
 * (HTML, JUnit, Allure, checks.json, curl lines): a deployment answering megabytes must not make
 * reports of gigabytes, or a main process that runs out of memory (issue 16). An API answer a person
 * reads is far smaller; the real size is noted where text is cut.
 */
export const EVIDENCE_CHARS = 64 * 1024;

/** `text` cut to `limit` characters, saying how long it was. */
export function bounded(text: string, limit = EVIDENCE_CHARS): string {
  if (text.length <= limit) return text;
  // Copied, not sliced: V8 keeps a slice's whole parent string alive, megabytes for 64 KB of evidence.
  const kept = Buffer.from(text.slice(0, limit), "utf8").toString("utf8");
  return `${kept}… [cut: ${text.length} characters in all, evidence keeps the first ${limit}]`;
}

/** A finding (expected, given) as evidence keeps it: as it is when small, else its JSON, cut. */
export function boundedValue(value: unknown, limit = EVIDENCE_CHARS): unknown {
  if (typeof value === "string") return bounded(value, limit);
  if (value === null || typeof value !== "object") return value;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return "[a value too large or too deeply nested to show]";
  }
  return json === undefined || json.length <= limit ? value : bounded(json, limit);
}

const boundedHeaders = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, bounded(value)]));

export function boundedExchange({ request, response, ...rest }: Exchange): Exchange {
  return {
    ...rest,
    request: {
      ...request,
      url: bounded(request.url),
      headers: boundedHeaders(request.headers),
      ...(request.body !== undefined && { body: bounded(request.body) }),
    },
    ...(response && {
      response: { ...response, headers: boundedHeaders(response.headers), body: bounded(response.body) },
    }),
  };
}

/** A check's result as the reports receive it: every text and value within the evidence limit. */
export function boundedResult(result: CheckResult): CheckResult {
  return {
    ...result,
    why: bounded(result.why),
    expected: boundedValue(result.expected),
    given: boundedValue(result.given),
    exchanges: result.exchanges.map(boundedExchange),
  };
}
