import type { BodyValue, Operation, Scalar } from "../contract/contract";
import type { RequestSpec } from "../http/client";

/** The request of an undo step: its placeholders (path and body) filled from the created record, or fixed by its params. */
export function undoRequest(target: Operation, selected: Record<string, unknown>): RequestSpec {
  const value = (name: string) => {
    const param = target.params[name];
    return String(selected[name] ?? (param && "value" in param ? param.value : ""));
  };
  const fill = (text: string) => text.replace(/\{([^}]+)\}/g, (_, n: string) => value(n));
  const path = target.path.replace(/\{([^}]+)\}/g, (_, n: string) => encodeURIComponent(value(n)));
  const spec: RequestSpec = { method: target.method, path: `${path}.json`, query: target.query };
  if (target.body) spec.body = { kind: "json", data: fillBody(target.body, fill) };
  return spec;
}

/** A body with each text value passed through `fill` (an array's items and their members too). */
export function fillBody(body: Record<string, BodyValue>, fill: (text: string) => string) {
  const scalar = (v: Scalar): Scalar => (typeof v === "string" ? fill(v) : v);
  const one = (v: Scalar | Record<string, Scalar>) =>
    typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, m]) => [k, scalar(m)])) : scalar(v);
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v.map(one) : one(v)]),
  );
}
