import type { BodyValue, Operation } from "../contract/contract";
import type { RequestSpec } from "../http/client";

/**
 * The request of an undo step: its placeholders (path, query and body) filled from what the write
 * answered or was sent, or from the undo operation's own fixed `value:` params.
 */
export function undoRequest(target: Operation, selected: Record<string, unknown>): RequestSpec {
  const value = (name: string) => {
    const param = target.params[name];
    return String(selected[name] ?? (param && "value" in param ? param.value : ""));
  };
  const fill = (encode: (text: string) => string) => (text: string) =>
    text.replace(/\{([^}]+)\}/g, (_, n: string) => encode(value(n)));
  // A remove that names its record in the query (mail's PUT messages/remove?ids=...) gets it there.
  const query = Object.fromEntries(
    Object.entries(target.query).map(([k, v]) => [k, typeof v === "string" ? fill(String)(v) : v]),
  );
  const spec: RequestSpec = {
    method: target.method,
    path: `${fill(encodeURIComponent)(target.path)}.json`,
    query,
  };
  if (target.body) spec.body = { kind: "json", data: fillTexts(target.body, fill(String)) };
  return spec;
}

/** A body member with each text in it passed through `fill`, however deep. */
export function fillTexts<T extends BodyValue>(value: T, fill: (text: string) => string): T {
  if (typeof value === "string") return fill(value) as T;
  if (typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => fillTexts(item, fill)) as T;
  return Object.fromEntries(Object.entries(value).map(([k, inner]) => [k, fillTexts(inner, fill)])) as T;
}
