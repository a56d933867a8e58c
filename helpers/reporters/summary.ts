import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { FAMILIES, type Outcome } from "../checks/check";
import { type Fingerprint, fingerprintEntries } from "../run/fingerprint";
import { type Coverage, type CoveredCheck, runCoverage, writesInWords } from "./coverage";
import { EMPTY_LISTS_TITLE, emptyListInWords, emptyListModules } from "./empty-lists";

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
  const missing = unavailableModules(checks).filter((m) => m.required);
  const gating = countOutcomes(checks.filter((c) => c.gating && !isModuleMissing(c)));
  const reasons = [
    gating.failed && `${plural(gating.failed, "check")} failed`,
    gating.fixed && `${gating.fixed} fixed`,
    missing.length &&
      `required ${missing.length === 1 ? "module" : "modules"} ${missing.map((m) => m.module).join(", ")} unavailable`,
  ];
  if (reasons.some(Boolean)) return `DOES NOT CONFORM (${reasons.filter(Boolean).join(", ")})`;
  if (!runPassed) return "RUN FAILED (an error outside the checks, see above)";
  if (!checks.length) return "NOTHING CHECKED";
  const notes = [
    n.deviated && `${plural(n.deviated, "known deviation")}`,
    n.inconclusive && `${n.inconclusive} inconclusive`,
    n.informational && `${n.informational} informational ${n.informational === 1 ? "failure" : "failures"}`,
  ].filter(Boolean);
  return notes.length ? `CONFORMS, with ${notes.join(" and ")}` : "CONFORMS";
}

/** A module the deployment lacks, as its module check (helpers/checks/module.ts) reported it. */
export interface UnavailableModule {
  module: string;
  /** `not installed: GET api/2.0/crm/... answered 404 with a page ...` */
  reason: string;
  /** Required by the run: it fails the run. */
  required: boolean;
}

const isModuleMissing = (c: SummarisedCheck) =>
  c.family === "module" && (c.outcome === "failed" || c.outcome === "skipped" || c.outcome === "deviated");

/** From the results alone (so merged shards say it too): each module whose module check did not pass. */
export function unavailableModules(checks: SummarisedCheck[]): UnavailableModule[] {
  return checks.filter(isModuleMissing).map((c) => ({
    module: c.section,
    required: c.outcome !== "skipped",
    reason: c.why
      .replace(/^module \S+ is (required but )?unavailable: /, "")
      .replace(/; its checks are skipped$/, ""),
  }));
}

/** `crm (not installed), mail (switched off, required)` */
export function unavailableInWords(modules: UnavailableModule[]): string {
  return modules
    .map((m) => `${m.module} (${m.reason.split(":")[0]}${m.required ? ", required" : ""})`)
    .join(", ");
}

/** Checks that share their rule and their reason: a broken rule fails it the same way on every operation. */
export interface CheckGroup {
  /** `format.accept-json` */
  rule: string;
  why: string;
  /** The operations' keys (`people.list`), in order. */
  operations: string[];
}

/** Groups checks by rule and reason, the largest group first. */
export function groupChecks(checks: SummarisedCheck[]): CheckGroup[] {
  const groups = new Map<string, CheckGroup>();
  for (const check of checks) {
    const [operation, rule] = check.id.split("/");
    const why = check.why.replace(/\s+/g, " ").trim();
    const key = `${rule}\n${why}`;
    const group = groups.get(key) ?? { rule, why, operations: [] };
    group.operations.push(operation);
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) => b.operations.length - a.operations.length || a.rule.localeCompare(b.rule),
  );
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** `format.accept-json: "the answer is XML, not JSON" on 241 operations: people.list, crm.contacts, ... (+238)` */
export function groupInWords(group: CheckGroup, shown = 3): string {
  const { operations } = group;
  const named = operations.slice(0, shown).join(", ");
  const more = operations.length > shown ? `, ... (+${operations.length - shown})` : "";
  const where = operations.length === 1 ? named : `${operations.length} operations: ${named}${more}`;
  return `${group.rule}: "${clip(group.why, 200)}" on ${where}`;
}

/** At most this many groups on the console; summary.md and checks.json have them all. */
const CONSOLE_GROUPS = 20;

/** The console's lines for a list of checks (failed, informational): grouped, bounded, each with `mark`. */
export function groupedLines(
  title: string,
  mark: string,
  checks: SummarisedCheck[],
  summary: string,
): string[] {
  if (!checks.length) return [];
  const groups = groupChecks(checks);
  const lines = [
    `${title} (${plural(checks.length, "check")}, ${plural(groups.length, "group")} by rule and reason):`,
  ];
  for (const group of groups.slice(0, CONSOLE_GROUPS)) lines.push(`  ${mark} ${groupInWords(group)}`);
  if (groups.length > CONSOLE_GROUPS)
    lines.push(
      `  ... and ${groups.length - CONSOLE_GROUPS} more groups: every check in ${summary} and checks.json`,
    );
  return lines;
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

/** Modules (sections) down, check families across, with a total of each; a cell reads `11/13 ✘2`. */
export function outcomeTable(checks: SummarisedCheck[]): string[][] {
  const families = FAMILIES.filter((family) => checks.some((c) => c.family === family));
  const bySection = new Map<string, SummarisedCheck[]>();
  for (const check of checks) bySection.set(check.section, [...(bySection.get(check.section) ?? []), check]);
  const unavailable = new Set(unavailableModules(checks).map((m) => m.module));
  const row = (label: string, mine: SummarisedCheck[]) => [
    label,
    ...families.map((family) => cell(mine.filter((c) => c.family === family))),
    cell(mine),
  ];
  return [
    ["module", ...families, "all"],
    ...[...bySection.keys()]
      .sort()
      .map((section) =>
        row(unavailable.has(section) ? `${section} (unavailable)` : section, bySection.get(section) ?? []),
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
  return `${new Set(documented.map((e) => e.documented)).size} of ${coverage.documented} documented operations exercised (${gets.size} of ${coverage.documentedGet} GET); ${writesInWords(coverage)}`;
}

/**
 * At most this many groups are listed in the Markdown, each with every operation it holds: a CI job
 * summary has a size limit (1 MiB), and a broken rule on every operation is one group.
 */
const LISTED_GROUPS = 300;

function listChecks(title: string, checks: SummarisedCheck[]): string[] {
  if (!checks.length) return [];
  const groups = groupChecks(checks);
  const lines = [`## ${title} (${checks.length})`, ""];
  for (const group of groups.slice(0, LISTED_GROUPS)) {
    const n = group.operations.length;
    lines.push(
      `- \`${group.rule}\` on ${plural(n, "operation")}: ${group.why}`,
      `  ${group.operations.map((op) => `\`${op}/${group.rule}\``).join(", ")}`,
    );
  }
  if (groups.length > LISTED_GROUPS)
    lines.push(`- … and ${groups.length - LISTED_GROUPS} more groups of checks in checks.json`);
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
  const unavailable = unavailableModules(checks);
  if (unavailable.length) {
    out.push(`## Unavailable modules (${unavailable.length}): their checks are skipped`, "");
    for (const m of unavailable)
      out.push(`- **${m.module}**${m.required ? " (required: fails the run)" : ""}: ${m.reason}`);
    out.push("");
  }
  const emptyLists = emptyListModules(checks);
  if (emptyLists.length) {
    out.push(`## ${EMPTY_LISTS_TITLE.replace(/:$/, "")}`, "");
    for (const module of emptyLists)
      out.push(
        `- ${emptyListInWords(module, Number.POSITIVE_INFINITY)}`,
        `  ${module.reads.map((read) => `\`${read}\``).join(", ")}`,
      );
    out.push("");
  }
  out.push("## Modules × check families", "", markdownTable(outcomeTable(checks)), "", LEGEND, "");
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
      ["module", "exercised", "documented", "GET exercised", "GET documented"],
      ...coverage.modules.map((m) => [
        m.module,
        String(m.exercised),
        String(m.documented),
        String(m.exercisedGet),
        String(m.documentedGet),
      ]),
    ]),
    "",
    "</details>",
    "",
    ...writesMarkdown(coverage),
  );
  return out.join("\n");
}

/** Per module, the documented writes checked, not checked and not yet checked; each not checked with its reason. */
function writesMarkdown(coverage: Coverage): string[] {
  const count = (w: Coverage["writes"]) =>
    [w.checked, w.exercised, w.notChecked, w.notYetChecked, w.documented].map(String);
  return [
    `### Writes: ${writesInWords(coverage).replace(/^writes: /, "")}`,
    "",
    markdownTable([
      ["module", "checked", "exercised", "not checked", "not yet checked", "documented"],
      ...coverage.modules.filter((m) => m.writes.documented).map((m) => [m.module, ...count(m.writes)]),
      ["all", ...count(coverage.writes)],
    ]),
    "",
    `<details><summary>Documented writes not checked (${coverage.notChecked.length}), with their reason</summary>`,
    "",
    markdownTable([
      ["write", "reason", "why", "source (CommunityServer v12.7.1)"],
      ...coverage.notChecked.map((n) => [`\`${n.request}\``, n.reason, n.why, `\`${n.source}\``]),
    ]),
    "",
    "</details>",
    "",
  ];
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
  const covered = runCoverage(checks);
  const markdown = summaryMarkdown({ checks, verdictLine, runPassed, coverage: covered, fingerprint });
  writeFileSync(join(dir, "summary.md"), markdown);
  return [
    textTable(outcomeTable(checks)),
    LEGEND,
    `Coverage: ${coverageInWords(covered)} (${join(dir, "summary.md")})`,
  ];
}
