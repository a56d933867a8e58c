import type { Format } from "../wire/serialize";

/** A request path inside `<prefix>/api/2.0/`, split into decoded segments. */
export interface ApiPath {
  segments: string[];
  suffix?: Format;
}

const API_BASE = "/api/2.0";
const SUFFIXES: Record<string, Format> = { ".json": "json", ".xml": "xml" };

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape simply matches nothing
  }
}

/**
 * Undefined when the path is outside the API. One trailing slash is tolerated; a case-sensitive
 * `.json`/`.xml` on the last segment selects the format and is removed before routing.
 */
export function parseApiPath(pathname: string, prefix: string): ApiPath | undefined {
  const base = `${prefix}${API_BASE}`;
  if (
    pathname.toLowerCase() !== base.toLowerCase() &&
    !pathname.toLowerCase().startsWith(`${base.toLowerCase()}/`)
  ) {
    return undefined;
  }
  let rest = pathname.slice(base.length + 1);
  if (rest.endsWith("/")) rest = rest.slice(0, -1);
  const segments = rest.split("/");
  const last = segments[segments.length - 1] ?? "";
  let suffix: Format | undefined;
  for (const [extension, format] of Object.entries(SUFFIXES)) {
    if (last.length > extension.length && last.endsWith(extension)) {
      suffix = format;
      segments[segments.length - 1] = last.slice(0, -extension.length);
    }
  }
  return { segments: segments.map(decodeSegment), suffix };
}
