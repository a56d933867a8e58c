import type { ActiveFaults } from "../faults";
import type { Format } from "../wire/serialize";

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
  position: number;
}

/** How well a format is accepted: the q of its most specific matching range (RFC 9110 §12.5.1). */
interface Acceptance {
  q: number;
  specificity: number;
  position: number;
}

const MEDIA_TYPES: Record<Format, string[]> = {
  json: ["application/json"],
  xml: ["application/xml", "text/xml"],
};

function parseAccept(header: string, ignoreQ: boolean): MediaRange[] {
  return header.split(",").flatMap((part, position) => {
    const [range = "", ...parameters] = part.split(";").map((piece) => piece.trim().toLowerCase());
    const [type, subtype] = range.split("/");
    if (!type || !subtype) return [];
    const qParameter = parameters.find((parameter) => parameter.startsWith("q="));
    const parsed = qParameter === undefined ? 1 : Number.parseFloat(qParameter.slice(2));
    const q = ignoreQ || Number.isNaN(parsed) ? 1 : Math.min(1, Math.max(0, parsed));
    return [{ type, subtype, q, position }];
  });
}

function acceptance(ranges: MediaRange[], format: Format): Acceptance {
  let best: Acceptance = { q: 0, specificity: -1, position: Number.POSITIVE_INFINITY };
  for (const mediaType of MEDIA_TYPES[format]) {
    const [type, subtype] = mediaType.split("/");
    for (const range of ranges) {
      const specificity =
        range.type === type && range.subtype === subtype
          ? 2
          : range.type === type && range.subtype === "*"
            ? 1
            : range.type === "*" && range.subtype === "*"
              ? 0
              : -1;
      if (specificity > best.specificity || (specificity === best.specificity && range.q > best.q)) {
        best = { q: range.q, specificity, position: range.position };
      }
    }
  }
  return best.specificity < 0 ? { q: 0, specificity: -1, position: Number.POSITIVE_INFINITY } : best;
}

/**
 * The format Accept asks for, or undefined when it expresses no preference between JSON and XML
 * (absent, wildcards only, or nothing acceptable). Ties go to the more specific range, then to
 * the range listed first.
 */
function preferredByAccept(header: string | undefined, ignoreQ: boolean): Format | undefined {
  if (!header?.trim()) return undefined;
  const ranges = parseAccept(header, ignoreQ);
  const json = acceptance(ranges, "json");
  const xml = acceptance(ranges, "xml");
  if (json.q === 0 && xml.q === 0) return undefined;
  if (json.q !== xml.q) return json.q > xml.q ? "json" : "xml";
  if (json.specificity !== xml.specificity) return json.specificity > xml.specificity ? "json" : "xml";
  if (json.position !== xml.position) return json.position < xml.position ? "json" : "xml";
  return undefined;
}

/**
 * Basic concepts: the `.json`/`.xml` suffix decides; then the Accept header; by default XML.
 * Every format fault hooks in here.
 */
export function negotiateFormat(
  suffix: Format | undefined,
  accept: string | undefined,
  faults: ActiveFaults,
): Format {
  if (suffix && !faults.has(suffix === "json" ? "json-suffix-ignored" : "xml-suffix-ignored")) return suffix;
  const preferred = faults.has("accept-ignored")
    ? undefined
    : preferredByAccept(accept, faults.has("accept-q-values-ignored"));
  return preferred ?? (faults.has("json-by-default") ? "json" : "xml");
}
