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
