/**
 * Format selection rules (basic concepts, "Making requests"): the `.json`/`.xml` suffix picks the
 * format, the Accept header is honoured, and XML is the default. Hooked in http/negotiate.ts and
 * wire/serialize.ts.
 */
export const FORMAT_FAULTS = {
  "json-by-default":
    "Without a suffix or a specific Accept the response must be XML (the documented default); this answers JSON.",
  "json-suffix-ignored":
    "A `.json` suffix must return JSON; this ignores it and negotiates as if there were none.",
  "xml-suffix-ignored":
    "A `.xml` suffix must return XML; this ignores it and negotiates as if there were none.",
  "accept-ignored": "The Accept header must be honoured; this ignores it (suffix, else XML).",
  "accept-q-values-ignored":
    "Accept q-values must be honoured; this ignores them, so the first listed type wins.",
  "wrong-json-content-type":
    "A JSON response must be labelled application/json; this labels it text/plain; charset=utf-8.",
  "json-labelled-html":
    "A JSON response must be labelled application/json; this labels it text/html; charset=utf-8, as a framework's default does.",
  "malformed-xml": "An XML response must be well-formed; this drops the closing </result> tag.",
} as const;
