import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { isNode, LineCounter, parseDocument } from "yaml";
import { schemaRegistry, type Violation } from "./schemas";

/** A YAML file read and validated against its schema; `at` names a place in it as `file:line:col`. */
export interface YamlFile<T> {
  shown: string;
  data: T;
  /** `specs/people.yaml:12:3` for the deepest node that exists on the path. */
  at(path: string[]): string;
}

/**
 * Reads a declarative file (contract, profile): YAML syntax errors and schema violations go to
 * `problems`, each with its file, line, column and place in the document; undefined when any.
 * `explain` words a violation the file's own way (what a contract's `source:` must cite).
 */
export function readYamlFile<T>(
  file: string,
  schemaId: string,
  problems: string[],
  explain: (violation: Violation) => string = (violation) => violation.message,
): YamlFile<T> | undefined {
  const shown = relative(process.cwd(), file) || file;
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: lines, prettyErrors: false });
  const position = (offset: number | undefined) => {
    if (offset === undefined) return shown;
    const { line, col } = lines.linePos(offset);
    return `${shown}:${line}:${col}`;
  };
  // The deepest YAML node that exists on the path, so a missing key points at its parent.
  const at = (path: string[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return position(node.range[0]);
    }
    return shown;
  };
  if (doc.errors.length) {
    for (const error of doc.errors)
      problems.push(`${position(error.pos[0])}: YAML: ${error.message.split("\n")[0]}`);
    return undefined;
  }
  const data = doc.toJS() as unknown;
  const violations = schemaRegistry().validate(schemaId, data);
  if (violations.length) {
    for (const v of violations) {
      const segments = v.path.split("/").slice(1);
      problems.push(`${at(segments)} ${segments.join(".") || "(top level)"}: ${explain(v)}`);
    }
    return undefined;
  }
  return { shown, data: data as T, at };
}
