import { Builder } from "xml2js";
import type { JsonObject, JsonValue } from "./json-value";

/** What xml2js's Builder renders: strings become text, arrays repeated elements named by their key. */
type XmlNode = string | XmlElement;
interface XmlElement {
  [name: string]: XmlNode | XmlNode[];
}

/**
 * JSON value -> Builder input, following Json.NET's XmlNodeConverter (facts §1): an array member
 * becomes repeated sibling elements named by the member, an empty array no element at all; null
 * and `{}` become empty elements; booleans are lowercase; numbers use invariant formatting.
 */
export function toXmlNode(value: JsonValue): XmlNode {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number" || typeof value === "string") return String(value);
  if (Array.isArray(value)) throw new Error("An array can only be rendered as the value of a member");
  return toXmlElement(value);
}

function toXmlElement(object: JsonObject): XmlNode {
  const element: XmlElement = {};
  for (const [key, member] of Object.entries(object)) {
    if (member === undefined) continue;
    if (Array.isArray(member)) {
      if (member.length > 0) element[key] = member.map(toXmlNode);
    } else {
      element[key] = toXmlNode(member);
    }
  }
  return Object.keys(element).length === 0 ? "" : element;
}

/** Renders the envelope as `<result>…</result>`: no declaration, no namespace. */
export function renderXml(envelope: JsonObject, indented: boolean): string {
  const builder = new Builder({
    rootName: "result",
    headless: true,
    renderOpts: indented ? { pretty: true, indent: "  ", newline: "\n" } : { pretty: false },
  });
  return builder.buildObject(toXmlNode(envelope));
}
