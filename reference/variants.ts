import { parseSwitches, type Switches } from "./switches";

/** Legitimate wire variations: a conformant client or test suite must accept every one of them. */
export const VARIANTS = {
  "text-xml": "XML is labelled text/xml; charset=UTF-8 (what the real 12.x server sends).",
  "charset-uppercase": "The charset parameter is written charset=UTF-8.",
  "xml-declaration": 'XML starts with <?xml version="1.0" encoding="utf-8"?>.',
  indented: "XML and JSON are pretty-printed.",
  "key-order": "Every JSON object's keys and every XML element's children come in reverse order.",
  "extra-fields": 'Every object carries an extra unknown member "x-extra", in both formats.',
  "escaped-slashes": "JSON strings escape / as \\/ (what the real server does).",
  sparse:
    "Every record as sparse as its schema allows: optional members absent, nullable ones null, arrays empty, counts 0 (ids, names and the answer's own records kept).",
} as const;

export type VariantName = keyof typeof VARIANTS;
export type ActiveVariants = Switches<VariantName>;

export function parseVariants(names?: readonly string[]): ActiveVariants {
  return parseSwitches<VariantName>("variant", VARIANTS, names);
}
