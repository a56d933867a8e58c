import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { NOT_SCHEMAS, OPERATIONS_FILE } from "../../helpers/contract/schemas";
import { GENERATED, type Generated, HAND_WRITTEN } from "./generate";
import type { JsonSchema } from "./type-schemas";

/** Every .json under `dir`, schemas/-relative with forward slashes, data files left out. */
export function listSchemaFiles(dir: string, under = ""): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const path = under ? `${under}/${entry.name}` : entry.name;
    if (!under && NOT_SCHEMAS.includes(entry.name)) return [];
    if (entry.isDirectory()) return listSchemaFiles(dir, path);
    return entry.name.endsWith(".json") ? [path] : [];
  });
}

function commentOf(dir: string, path: string): string {
  const comment = (JSON.parse(readFileSync(join(dir, path), "utf8")) as JsonSchema).$comment;
  return typeof comment === "string" ? comment : "";
}

/** The hand-written schemas of object/dynamic roots: their `$comment` starts with "Hand-written". */
export function handWrittenFiles(dir: string): Set<string> {
  return new Set(listSchemaFiles(dir).filter((path) => commentOf(dir, path).startsWith(HAND_WRITTEN)));
}

/** The files a previous run generated (they carry the generator's `$comment`). */
export function generatedFiles(dir: string): string[] {
  return listSchemaFiles(dir).filter((path) => commentOf(dir, path) === GENERATED);
}

/** The text of every file a run writes, schemas/-relative path -> content. */
export function renderAll(generated: Generated): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, schema] of [...generated.files].sort(([a], [b]) => a.localeCompare(b))) {
    out.set(path, formatJson(schema));
  }
  out.set(OPERATIONS_FILE, formatJson(generated.operations));
  return out;
}

/**
 * Writes the files into `dir` and removes generated files the catalogue no longer implies. A file that
 * exists without the generator's mark (hand-written) is never overwritten.
 */
export function writeAll(dir: string, rendered: Map<string, string>): { removed: string[] } {
  const previous = new Set(generatedFiles(dir));
  const existing = new Set(listSchemaFiles(dir));
  const taken = [...rendered.keys()].filter((path) => existing.has(path) && !previous.has(path));
  if (taken.length > 0) {
    throw new Error(
      `not generated, so not overwritten: ${taken.map((path) => `schemas/${path}`).join(", ")}`,
    );
  }
  for (const [path, text] of rendered) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const removed = [...previous].filter((path) => !rendered.has(path));
  for (const path of removed) rmSync(join(dir, path));
  return { removed };
}

/**
 * JSON as `biome format` writes it (lineWidth 110, 2 spaces), so `npm run lint` accepts generated
 * files as they are: objects one member a line, arrays of scalars on one line when they fit.
 */
export function formatJson(value: unknown): string {
  return `${render(value, 0, 0)}\n`;
}

const LINE_WIDTH = 110;

/** Numbers that do not fit on one line fill lines, as many a line as fit (biome's layout for them). */
function fill(numbers: number[], indent: number): string {
  const pad = " ".repeat(indent + 2);
  const lines: string[] = [];
  let line = "";
  numbers.forEach((n, i) => {
    const item = `${n}${i < numbers.length - 1 ? "," : ""}`;
    if (line && pad.length + line.length + 1 + item.length > LINE_WIDTH) {
      lines.push(pad + line);
      line = item;
    } else line = line ? `${line} ${item}` : item;
  });
  lines.push(pad + line);
  return `[\n${lines.join("\n")}\n${" ".repeat(indent)}]`;
}

function render(value: unknown, indent: number, prefix: number): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const pad = " ".repeat(indent + 2);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const scalars = value.every((item) => item === null || typeof item !== "object");
    const flat = `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
    if (scalars && prefix + flat.length + 1 <= LINE_WIDTH) return flat;
    if (value.every((item) => typeof item === "number")) return fill(value as number[], indent);
    const items = value.map((item) => pad + render(item, indent + 2, indent + 2));
    return `[\n${items.join(",\n")}\n${" ".repeat(indent)}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([key, item]) => {
    const head = `${pad}${JSON.stringify(key)}: `;
    return head + render(item, indent + 2, head.length);
  });
  return `{\n${lines.join(",\n")}\n${" ".repeat(indent)}}`;
}

/** `$ref`s of the generated files that point at no file (generated or already under schemas/). */
export function danglingRefs(generated: Generated, existing: Set<string>): string[] {
  const out: string[] = [];
  const visit = (node: unknown, from: string) => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") {
        const target = posix.normalize(posix.join(posix.dirname(from), value));
        if (!generated.files.has(target) && !existing.has(target)) out.push(`${from} -> ${value}`);
      } else visit(value, from);
    }
  };
  for (const [path, schema] of generated.files) visit(schema, path);
  for (const mapped of Object.values(generated.operations)) {
    if ("schema" in mapped && !generated.files.has(mapped.schema) && !existing.has(mapped.schema)) {
      out.push(`${OPERATIONS_FILE} -> ${mapped.schema}`);
    }
  }
  return out;
}
