import type { GenericWrite } from "./module-data";

/**
 * A PUT or DELETE of the record `id` names, a placeholder (or, listed in `more.bodyIds`, a body
 * parameter) of `collection`: the short form of a module's update and delete writes.
 */
export function writeOf(
  method: "PUT" | "DELETE",
  path: string,
  id: string,
  collection: string,
  more: Partial<GenericWrite> = {},
): GenericWrite {
  return { method, path, ids: { [id]: collection }, [method === "PUT" ? "updates" : "deletes"]: id, ...more };
}
