import { schemaAt } from "../generic/schema-files";
import type { ActiveVariants } from "../variants";
import { isDictionary, isJsonObject, type JsonObject, type JsonValue } from "./json-value";
import { sparseResponse } from "./sparse";

const EXTRA_FIELD = "x-extra";
const EXTRA_VALUE = "reference-extra-field";

/**
 * Applies the tree-shaped variants to the envelope: sparse to a success's `response`, by its
 * schema (schemas/operations.json), then extra-fields and key-order to every object.
 */
export function applyTreeVariants(
  envelope: JsonObject,
  variants: ActiveVariants,
  schema: string | undefined,
): JsonObject {
  const sparse = variants.has("sparse") && schema !== undefined && envelope.response !== undefined;
  const tree = sparse
    ? { ...envelope, response: sparseResponse(envelope.response as JsonValue, schemaAt(schema)) }
    : envelope;
  const extra = variants.has("extra-fields");
  const reverse = variants.has("key-order");
  if (!extra && !reverse) return tree;
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
  return visit(tree) as JsonObject;
}
