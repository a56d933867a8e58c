import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { FAMILIES, type Outcome } from "../checks/check";
import { contracts } from "../contract";
import { type Fingerprint, fingerprintEntries } from "../fingerprint";
import { type Coverage, type CoveredCheck, coverage, documentedOperations } from "./coverage";

/** What the summary needs of a check (a ReportedCheck has more). */
export interface SummarisedCheck extends CoveredCheck {
  id: string;
  why: string;
  informational?: true;
  /** It fails the run (failsTheRun, decided where the check ran). */
  gating: boolean;
}

/** An informational check that failed: reported on its own, never gating (Check.informational). */
export const informationalFailure = (check: { outcome: Outcome; informational?: true }) =>
  check.outcome === "failed" && check.informational === true;

type Counts = Record<Outcome | "informational", number>;

export function countOutcomes(checks: SummarisedCheck[]): Counts {
  const counts: Counts = {
    passed: 0,
    failed: 0,
    skipped: 0,
    inconclusive: 0,
    deviated: 0,
    fixed: 0,
    informational: 0,
  };
  for (const check of checks) counts[informationalFailure(check) ? "informational" : check.outcome]++;
  return counts;
}

/** `201 checks, 198 passed, 3 failed, 0 deviated, 0 skipped`, and the rarer outcomes when they occur. */
export function countsInWords(checks: SummarisedCheck[]): string {
  const n = countOutcomes(checks);
  const rare = (["inconclusive", "fixed", "informational"] as const)
    .filter((o) => n[o])
    .map((o) => `, ${n[o]} ${o}`);
  return `${checks.length} checks, ${n.passed} passed, ${n.failed} failed, ${n.deviated} deviated, ${n.skipped} skipped${rare.join("")}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The verdict in words. Failed checks and fixed deviations (a profile that no longer matches) gate;
 * known deviations and inconclusive checks do not, but are named. `runPassed` is Playwright's own
 * verdict: an error outside the checks (a cleanup that failed) fails the run too.
 */
export function verdictInWords(checks: SummarisedCheck[], runPassed: boolean): string {
  const n = countOutcomes(checks);
  const gating = countOutcomes(checks.filter((c) => c.gating));
  const reasons = [
    gating.failed && `${plural(gating.failed, "check")} failed`,
    gating.fixed && `${gating.fixed} fixed`,
  ];
  if (gating.failed || gating.fixed) return `DOES NOT CONFORM (${reasons.filter(Boolean).join(", ")})`;
  if (!runPassed) return "RUN FAILED (an error outside the checks, see above)";
  if (!checks.length) return "NOTHING CHECKED";
  const notes = [
    n.deviated && `${plural(n.deviated, "known deviation")}`,
    n.inconclusive && `${n.inconclusive} inconclusive`,
    n.informational && `${n.informational} informational ${n.informational === 1 ? "failure" : "failures"}`,
  ].filter(Boolean);
  return notes.length ? `CONFORMS, with ${notes.join(" and ")}` : "CONFORMS";
}

/** Marks for the outcomes besides "passed" in a table cell; `≈` not `~`, which Markdown may strike through. */
const MARKS: [keyof Counts, string][] = [
  ["failed", "✘"],
  ["deviated", "≈"],
  ["skipped", "⊘"],
  ["inconclusive", "?"],
  ["fixed", "!"],
  ["informational", "i"],
];
export const LEGEND =
  "passed/checks; ✘ failed, ≈ known deviation, ⊘ skipped, ? inconclusive, ! fixed, i informational failure";

function cell(checks: SummarisedCheck[]): string {
  if (!checks.length) return "·";
  const n = countOutcomes(checks);
  const marks = MARKS.filter(([outcome]) => n[outcome]).map(([outcome, mark]) => ` ${mark}${n[outcome]}`);
  return `${n.passed}/${checks.length}${marks.join("")}`;
}

/** Sections down, check families across, with a total of each; a cell reads `11/13 ✘2`. */
export function outcomeTable(checks: SummarisedCheck[]): string[][] {
  const families = FAMILIES.filter((family) => checks.some((c) => c.family === family));
  const sections = [...new Set(checks.map((c) => c.section))].sort();
  const row = (label: string, mine: SummarisedCheck[]) => [
    label,
    ...families.map((family) => cell(mine.filter((c) => c.family === family))),
    cell(mine),
  ];
  return [
    ["section", ...families, "all"],
    ...sections.map((section) =>
      row(
        section,
        checks.filter((c) => c.section === section),
      ),
    ),
    row("all", checks),
  ];
}

/** A table for the console: columns padded, a rule under the header. */
export function textTable(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => [...row[i]].length)));
  const line = (row: string[]) =>
    row
      .map((text, i) => text + " ".repeat(widths[i] - [...text].length))
      .join("  ")
      .trimEnd();
  return [line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

export function markdownTable(rows: string[][]): string {
  const line = (row: string[]) => `| ${row.map((text) => text.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(rows[0]), line(rows[0].map(() => "---")), ...rows.slice(1).map(line)].join("\n");
}

export function coverageInWords(coverage: Coverage): string {
  const documented = coverage.exercised.filter((e) => e.documented);
  const gets = new Set(documented.filter((e) => e.documented?.verb === "GET").map((e) => e.documented));
  return `${new Set(documented.map((e) => e.documented)).size} of ${coverage.documented} documented operations exercised (${gets.size} of ${coverage.documentedGet} GET)`;
}

/** At most this many failed checks are listed in the Markdown: a CI job summary has a size limit (1 MiB). */
const LISTED = 100;

function listChecks(title: string, checks: SummarisedCheck[]): string[] {
  if (!checks.length) return [];
  const lines = [`## ${title} (${checks.length})`, ""];
  for (const check of checks.slice(0, LISTED))
    lines.push(`- \`${check.id}\`: ${check.why.replace(/\s+/g, " ")}`);
  if (checks.length > LISTED) lines.push(`- … and ${checks.length - LISTED} more in checks.json`);
  return [...lines, ""];
}

/** reports/summary.md: the verdict, the outcome table, what failed, and the coverage, for a CI job summary. */
export function summaryMarkdown(options: {
  checks: SummarisedCheck[];
  verdictLine: string;
  runPassed: boolean;
  coverage: Coverage;
  fingerprint?: Fingerprint;
}): string {
  const { checks, coverage } = options;
  const out = [
    `# Workspace conformance: ${verdictInWords(checks, options.runPassed)}`,
    "",
    `\`${options.verdictLine}\``,
    "",
  ];
  if (options.fingerprint)
    out.push(markdownTable([["", ""], ...fingerprintEntries(options.fingerprint)]), "");
  out.push("## Sections × check families", "", markdownTable(outcomeTable(checks)), "", LEGEND, "");
  out.push(
    ...listChecks(
      "Failed checks",
      checks.filter((c) => c.gating),
    ),
  );
  out.push(
    ...listChecks(
      "Known deviations",
      checks.filter((c) => c.outcome === "deviated"),
    ),
  );
  out.push(
    ...listChecks(
      "Inconclusive checks",
      checks.filter((c) => c.outcome === "inconclusive"),
    ),
  );
  out.push(...listChecks("Informational (not gating)", checks.filter(informationalFailure)));
  out.push(`## Coverage: ${coverageInWords(coverage)}`, "");
  out.push(
    markdownTable([
      ["operation", "documented as", "checks passed/ran"],
      ...coverage.exercised.map(({ operation, documented, families }) => [
        `\`${operation.key}\``,
        documented
          ? `\`${documented.verb} ${documented.path}\` ${documented.summary}`
          : `\`${operation.method} ${operation.path}\` (not in the documented list)`,
        families.map((f) => `${f.family} ${f.passed}/${f.ran}`).join(", "),
      ]),
    ]),
    "",
    "<details><summary>Documented operations exercised, per module</summary>",
    "",
    markdownTable([
      ["module", "exercised", "documented"],
      ...coverage.modules.map((m) => [m.module, String(m.exercised), String(m.documented)]),
    ]),
    "",
    "</details>",
    "",
  );
  return out.join("\n");
}

/**
 * Writes `summary.md` into the reports folder and returns what the console shows of it: the outcome
 * table and the coverage in one line. Coverage is computed from the contract's methods and paths
 * against the documented operations' snapshot.
 */
export function writeSummary(
  dir: string,
  checks: SummarisedCheck[],
  verdictLine: string,
  runPassed: boolean,
  fingerprint?: Fingerprint,
): string[] {
  const own = contracts().flatMap((section) => section.operations);
  const covered = coverage(own, checks, documentedOperations());
  const markdown = summaryMarkdown({ checks, verdictLine, runPassed, coverage: covered, fingerprint });
  writeFileSync(join(dir, "summary.md"), markdown);
  return [
    textTable(outcomeTable(checks)),
    LEGEND,
    `Coverage: ${coverageInWords(covered)} (${join(dir, "summary.md")})`,
  ];
}
