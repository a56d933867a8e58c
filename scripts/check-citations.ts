/**
 * Checks the contract's citations against a CommunityServer repository (docs/checks.md, "Contract
 * values cite the server"): every `source:` names a file that exists at the cited tag and lines it
 * has, and an `unknown:` entry's lines name a not-found condition: ItemNotFoundException (a throw, or
 * NotFoundIfNull), or an ErrorMassage_*NotFound message, which 12.x's Documents module raises with
 * another status (a known deviation, listed in the profile).
 * Whether the line says what the citation claims stays a reviewer's call; this finds the slips.
 *
 *   npx tsx scripts/check-citations.ts path/to/CommunityServer   (a clone or a bare repository)
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { SPECS_DIR } from "../helpers/contract/contract";
import { readYamlFile } from "../helpers/contract/yaml-file";

/** The tag the catalogue was read from, which every citation names (schemas/contract/contract-file.json). */
export const CITED_TAG = "v12.7.1";

/** What an unknown id's lines must name: the 404's exception, or the Documents module's not-found message. */
const NOT_FOUND = /ItemNotFoundException|NotFoundIfNull|ErrorMassage_\w*NotFound\b/;

export interface Citation {
  /** `specs/crm.yaml:19:15` */
  at: string;
  /** The placeholder's entry: a fixed value under params, an unknown id, or a deleted record's read (`gone`). */
  kind: "value" | "unknown" | "gone";
  source: string;
}

interface CitedFile {
  operations: Record<
    string,
    {
      params?: Record<string, { source?: string }>;
      unknown?: Record<string, { source: string }>;
      gone?: { source: string };
    }
  >;
}

/** Every `source:` of one contract file, with its place; the file's own mistakes go to `problems`. */
export function citationsOf(file: string, problems: string[]): Citation[] {
  const read = readYamlFile<CitedFile>(file, "contract/contract-file.json", problems);
  if (!read) return [];
  return Object.entries(read.data.operations).flatMap(([id, op]) => [
    ...(op.gone
      ? [{ at: read.at(["operations", id, "gone", "source"]), kind: "gone" as const, source: op.gone.source }]
      : []),
    ...(["params", "unknown"] as const).flatMap((key) =>
      Object.entries(op[key] ?? {}).flatMap(([name, entry]) =>
        entry.source === undefined
          ? []
          : [
              {
                at: read.at(["operations", id, key, name, "source"]),
                kind: key === "params" ? ("value" as const) : ("unknown" as const),
                source: entry.source,
              },
            ],
      ),
    ),
  ]);
}

/** What is wrong with a citation, given the cited file's text at the tag (undefined: no such file). */
export function citationProblem(citation: Citation, text: string | undefined): string | undefined {
  const [, path, first, last = first] = /^(\S+):(\d+)(?:-(\d+))?/.exec(citation.source) ?? [];
  if (text === undefined) return `${path} does not exist at ${CITED_TAG}`;
  const lines = text.split("\n");
  const [from, to] = [Number(first), Number(last)];
  if (to < from || to > lines.length) return `${path} has ${lines.length} lines: no lines ${from}-${to}`;
  const cited = lines.slice(from - 1, to);
  if (citation.kind !== "value" && !cited.some((line) => NOT_FOUND.test(line)))
    return `${path}:${from === to ? from : `${from}-${to}`} names no not-found condition (no ItemNotFoundException, NotFoundIfNull or ErrorMassage_*NotFound)`;
  return undefined;
}

function main(): void {
  const repository = process.argv[2];
  if (!repository) {
    process.stderr.write("usage: npx tsx scripts/check-citations.ts path/to/CommunityServer\n");
    process.exit(2);
  }
  const texts = new Map<string, string | undefined>();
  const textOf = (path: string) => {
    if (!texts.has(path)) {
      try {
        const args = ["-C", repository, "show", `${CITED_TAG}:${path}`];
        texts.set(path, execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
      } catch {
        texts.set(path, undefined);
      }
    }
    return texts.get(path);
  };
  const problems: string[] = [];
  let checked = 0;
  for (const name of readdirSync(SPECS_DIR).filter((n) => n.endsWith(".yaml"))) {
    for (const citation of citationsOf(join(SPECS_DIR, name), problems)) {
      checked++;
      const problem = citationProblem(citation, textOf(citation.source.split(/[: ]/)[0]));
      if (problem) problems.push(`${citation.at}: ${problem}`);
    }
  }
  for (const problem of problems) process.stdout.write(`${problem}\n`);
  process.stdout.write(`${checked} citations checked against ${CITED_TAG}, ${problems.length} wrong\n`);
  process.exit(problems.length ? 1 : 0);
}

if (require.main === module) main();
