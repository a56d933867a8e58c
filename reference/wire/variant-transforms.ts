import type { ActiveVariants } from "../variants";
import { isDictionary, isJsonObject, type JsonObject, type JsonValue } from "./json-value";

const EXTRA_FIELD = "x-extra";
const EXTRA_VALUE = "reference-extra-field";

/** Applies the tree-shaped variants (extra-fields, key-order) to every object in the response. */
export function applyTreeVariants(envelope: JsonObject, variants: ActiveVariants): JsonObject {
  const extra = variants.has("extra-fields");
  const reverse = variants.has("key-order");
  if (!extra && !reverse) return envelope;
  const visit = (value: JsonValue): JsonValue => {
    if (Array.isArray(value)) return value.map(visit);
    if (!isJsonObject(value)) return value;
    const entries: [string, JsonValue | undefined][] = Object.entries(value).map(([key, member]) => [
      key,
      member === undefined ? undefined : visit(member),
    ]);
    if (extra && !isDictionary(value)) entries.push([EXTRA_FIELD, EXTRA_VALUE]);
    if (reverse) entries.reverse();
    return Object.fromEntries(entries);
  };
  return visit(envelope) as JsonObject;
}
