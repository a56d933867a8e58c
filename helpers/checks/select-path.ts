/** The steps of a path: `categories[0].threads` is `categories`, `[0]`, `threads`. */
export const pathParts = (path: string): string[] => path.split(/(?=\[)|\./).filter((part) => part !== "");

/**
 * `folders[0].id`, `[0].id`, `id`; `?doc` after a path (or alone, the whole answer): the query
 * parameter `doc` of the link there, decoded (a shared link's key, files' PUT {fileId}/sharedlink).
 */
export function selectPath(value: unknown, path: string): unknown {
  const [inner, parameter] = path.split("?");
  const node = inner
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== "")
    .reduce<unknown>(
      (node, key) => (node == null ? undefined : (node as Record<string, unknown>)[key]),
      value,
    );
  if (parameter === undefined) return node;
  return typeof node === "string" && URL.canParse(node, "http://link/")
    ? (new URL(node, "http://link/").searchParams.get(parameter) ?? undefined)
    : undefined;
}
