import type { Operation } from "../contract/contract";
import type { Check, Verdict } from "./check";
import { describeResponse, isRecord } from "./check";
import { answerIn } from "./requests";

const isDescribedRead = (op: Operation) => op.method === "GET" && op.schema !== undefined;

/**
 * Makes the two forms comparable where the XML mapping loses nothing real. Json.NET's XmlNodeConverter
 * (workspace-api-facts.md §1, "XML equivalent") writes an empty array as no element at all, and null,
 * "" and {} as an empty element: so an empty array, null, "", {} and an absent member all read as
 * absent, whether the schema describes the member or not (a record of a larger type than the
 * documented one carries members no schema names, `"groups":[]` among them). Line breaks in text
 * compare as "\n": an XML reader normalises "\r\n" and "\r" so.
 */
export function normalise(value: unknown): unknown {
  if (value === undefined || value === "") return null;
  // An XML reader turns every line break in text into "\n" (XML 1.0 §2.11), as it must.
  if (typeof value === "string") return value.replace(/\r\n?/g, "\n");
  if (Array.isArray(value)) {
    const items = value.map(normalise);
    // `[]` leaves no element, and `[null]` is an empty element, as null is.
    return items.length === 0 || (items.length === 1 && items[0] === null) ? null : items;
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const n = normalise(child);
      if (n !== null) out[key] = n;
    }
    return Object.keys(out).length ? out : null;
  }
  return value;
}

/**
 * Paths (like `response.files[0].title`) where the two values differ. A one-item array and its item
 * alone are the same (XML cannot tell them apart where no schema says which), and a value the schema
 * does not describe stays text in XML: "3" there is 3 in JSON, "true" is true.
 */
export function differences(a: unknown, b: unknown, path = "response"): string[] {
  if (Array.isArray(a) !== Array.isArray(b)) {
    const [list, single] = Array.isArray(a) ? [a, b] : [b as unknown[], a];
    if (list.length === 1)
      return Array.isArray(a) ? differences(list[0], single, path) : differences(single, list[0], path);
    return [path];
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: string[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      out.push(...differences(a[i], b[i], `${path}[${i}]`));
    return out;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences(a[k], b[k], `${path}.${k}`));
  }
  if (isRecord(a) || isRecord(b)) return [path];
  const same =
    Object.is(a, b) ||
    (a == null && b == null) ||
    (typeof a !== typeof b && a != null && b != null && String(a) === String(b));
  return same ? [] : [path];
}

/** Removes list items that mention `marker`: records the run's other tests create and delete meanwhile. */
export function dropOwnRecords(value: unknown, marker: string): unknown {
  const mentions = (node: unknown): boolean =>
    typeof node === "string"
      ? node.includes(marker)
      : !!node && typeof node === "object" && Object.values(node).some(mentions);
  if (Array.isArray(value))
    return value.filter((item) => !mentions(item)).map((item) => dropOwnRecords(item, marker));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, dropOwnRecords(v, marker)]));
  }
  return value;
}

function dropPaths(value: unknown, paths: string[]): unknown {
  const copy = structuredClone(value);
  for (const path of paths) {
    const parts = path.split(".");
    const last = parts.pop() as string;
    const visit = (node: unknown, i: number): void => {
      if (Array.isArray(node)) {
        for (const n of node) visit(n, i);
      } else if (node && typeof node === "object") {
        if (i === parts.length) delete (node as Record<string, unknown>)[last];
        else visit((node as Record<string, unknown>)[parts[i]], i + 1);
      }
    };
    visit(copy, 0);
  }
  return copy;
}

export const parityChecks: Check[] = [
  {
    family: "parity",
    name: "xml-matches-json",
    rule: "The XML and JSON forms of the same read carry the same data.",
    appliesTo: isDescribedRead,
    async run(op, ctx): Promise<Verdict> {
      // The answers the schema checks judge: those the format checks got, else .json and .xml.
      const json = await answerIn(op, ctx, "json", { suffix: "json" });
      const xml = await answerIn(op, ctx, "xml", { suffix: "xml" });
      const given = `.json: ${describeResponse(json)}; .xml: ${describeResponse(xml)}`;
      const unusable = [json, xml].findIndex(
        (r) => r.unreadable || r.value === undefined || (r.status ?? 0) >= 300,
      );
      if (unusable >= 0) {
        const read = [json, xml][unusable];
        return {
          passed: false,
          expected: "two readable successes",
          given,
          why: `the ${unusable ? ".xml" : ".json"} form could not be read, so the two cannot be compared: ${read.unreadable ?? describeResponse(read)}`,
        };
      }
      const [a, b] = [json, xml].map((r) =>
        normalise(
          dropOwnRecords(dropPaths((r.value as { response?: unknown }).response, op.volatile), ctx.runMarker),
        ),
      );
      const differing = differences(a, b);
      if (!differing.length)
        return { passed: true, expected: "the same data", given, why: "same data in both forms" };
      const at = (v: unknown, path: string) =>
        path
          .replace(/^response\.?/, "")
          .split(/\.|\[(\d+)\]/)
          .filter(Boolean)
          .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], v);
      return {
        passed: false,
        expected: Object.fromEntries(differing.slice(0, 10).map((p) => [p, at(a, p)])),
        given: Object.fromEntries(differing.slice(0, 10).map((p) => [p, at(b, p)])),
        why: `the XML form differs from the JSON form in ${differing.length} field${differing.length > 1 ? "s" : ""}: ${differing.slice(0, 5).join(", ")} (expected = JSON, given = XML)`,
      };
    },
  },
];
