import { isJsonObject, type JsonObject, type JsonValue } from "../wire/json-value";

/**
 * Format parity: "any API method can be called specifying the format for the response (json or
 * xml)": both formats carry the same data. Hooked in wire/serialize.ts.
 */
export const PARITY_FAULTS = {
  "xml-json-disagree":
    "The XML and JSON forms of a response must carry the same data; this alters a person's displayName in XML.",
} as const;

/** The xml-json-disagree deviation. Persons (summary and full) carry both displayName and profileUrl. */
export function alterPersonNamesForXml(envelope: JsonObject): JsonObject {
  const visit = (value: JsonValue): JsonValue => {
    if (Array.isArray(value)) return value.map(visit);
    if (!isJsonObject(value)) return value;
    const copy: JsonObject = {};
    for (const [key, member] of Object.entries(value))
      copy[key] = member === undefined ? undefined : visit(member);
    if (typeof copy.displayName === "string" && "profileUrl" in copy)
      copy.displayName = `${copy.displayName} (XML)`;
    return copy;
  };
  return visit(envelope) as JsonObject;
}
