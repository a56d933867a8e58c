/**
 * The value tree every response is built from. JSON and XML are both rendered from it, so the
 * two formats cannot drift apart. `undefined` marks a member that is omitted from the wire
 * (the server's EmitDefaultValue=false members).
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue | undefined };

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Marks an object whose keys are data, not members (a Dictionary<,> on the server, some bound to an
 * enum by the schema's propertyNames): a conforming server adds no member to it, so the
 * extra-fields variant leaves it alone. Symbol keys reach neither JSON nor XML.
 */
export const DICTIONARY: unique symbol = Symbol("dictionary");

export function markDictionary(object: JsonObject): JsonObject {
  return Object.assign({ ...object }, { [DICTIONARY]: true });
}

export function isDictionary(object: JsonObject): boolean {
  return DICTIONARY in object;
}
