import { isJsonObject, type JsonObject, type JsonValue } from "../wire/json-value";

/**
 * Format parity: "any API method can be called specifying the format for the response (json or
 * xml)": both formats carry the same data. Hooked in wire/serialize.ts.
 */
export const PARITY_FAULTS = {
  "xml-json-disagree":
    "The XML and JSON forms of a response must carry the same data; this alters the first true/false or plain-text value of each answer in XML.",
} as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T/;
/** Text no schema constrains: not a Guid or a date (their schemas have patterns), not empty. */
const isPlainText = (value: string) => value !== "" && !GUID.test(value) && !ISO_DATE.test(value);

/**
 * The xml-json-disagree deviation: in a success answer's XML, the first true/false or plain-text
 * value (depth first) is negated or gets " (XML)" appended. Every answer holding such a value
 * disagrees, in every module, and stays valid against its schema, so only parity can see it.
 */
export function disagreeInXml(envelope: JsonObject): JsonObject {
  if (!("response" in envelope)) return envelope;
  let altered = false;
  const visit = (value: JsonValue): JsonValue => {
    if (altered) return value;
    if (typeof value === "boolean" || (typeof value === "string" && isPlainText(value))) {
      altered = true;
      return typeof value === "boolean" ? !value : `${value} (XML)`;
    }
    if (Array.isArray(value)) return value.map(visit);
    if (!isJsonObject(value)) return value;
    const copy: JsonObject = {};
    for (const [key, member] of Object.entries(value))
      copy[key] = member === undefined ? undefined : visit(member);
    return copy;
  };
  return { ...envelope, response: visit(envelope.response as JsonValue) };
}
