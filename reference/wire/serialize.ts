import type { ActiveFaults } from "../faults";
import { disagreeInXml } from "../faults/parity";
import type { ActiveVariants } from "../variants";
import type { JsonObject } from "./json-value";
import { renderXml } from "./to-xml";
import { applyTreeVariants } from "./variant-transforms";

export type Format = "json" | "xml";

export interface Serialized {
  contentType: string;
  body: string;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/**
 * Renders one envelope in the negotiated format; both formats start from the same value tree.
 * `schema` is the file under schemas/ its `response` is shaped by, for the variants that read it.
 */
export function serialize(
  envelope: JsonObject,
  format: Format,
  faults: ActiveFaults,
  variants: ActiveVariants,
  schema?: string,
): Serialized {
  const tree = applyTreeVariants(envelope, variants, schema);
  const indented = variants.has("indented");
  const charset = variants.has("charset-uppercase") ? "UTF-8" : "utf-8";
  if (format === "json") {
    const text = JSON.stringify(tree, null, indented ? 2 : undefined);
    return {
      // `/` can only occur inside JSON strings, so a global replace escapes exactly those.
      body: variants.has("escaped-slashes") ? text.replaceAll("/", "\\/") : text,
      contentType: faults.has("wrong-json-content-type")
        ? "text/plain; charset=utf-8"
        : faults.has("json-labelled-html")
          ? "text/html; charset=utf-8"
          : `application/json; charset=${charset}`,
    };
  }
  const xmlTree = faults.has("xml-json-disagree") ? disagreeInXml(tree) : tree;
  let body = renderXml(xmlTree, indented);
  if (faults.has("malformed-xml")) body = body.replace(/<\/result>\s*$/, "");
  if (variants.has("xml-declaration")) body = `${XML_DECLARATION}${indented ? "\n" : ""}${body}`;
  return {
    body,
    contentType: variants.has("text-xml") ? "text/xml; charset=UTF-8" : `application/xml; charset=${charset}`,
  };
}
