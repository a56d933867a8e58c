import { type Fingerprint, fingerprintEntries } from "../run/fingerprint";
import { type ReportedCheck, renderFindings } from "./evidence";
import { informationalFailure, unavailableInWords, unavailableModules } from "./summary";

function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
  );
}

/** JUnit XML with one test case per check, named by its check id, one suite per section. */
export function junitXml(checks: ReportedCheck[], durationMs: number, deployment?: Fingerprint): string {
  const sections = new Map<string, ReportedCheck[]>();
  for (const check of checks) sections.set(check.section, [...(sections.get(check.section) ?? []), check]);
  // Inconclusive checks read as skipped; informational failures as passed, with their reason in system-out.
  const junitOutcome = (c: ReportedCheck) =>
    c.gating
      ? "failed"
      : informationalFailure(c)
        ? "informational"
        : c.outcome === "inconclusive"
          ? "skipped"
          : c.outcome === "failed"
            ? "passed"
            : c.outcome;
  const count = (list: ReportedCheck[], outcome: string) =>
    list.filter((c) => junitOutcome(c) === outcome).length;
  const unavailable = unavailableModules(checks);
  const modules = unavailable.length ? [["Unavailable modules", unavailableInWords(unavailable)]] : [];
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="workspace-conformance" tests="${checks.length}" failures="${count(checks, "failed")}" skipped="${count(checks, "skipped")}" errors="0" time="${(durationMs / 1000).toFixed(3)}">`,
  ];
  for (const [section, list] of sections) {
    out.push(
      `  <testsuite name="${escapeXml(section)}" tests="${list.length}" failures="${count(list, "failed")}" skipped="${count(list, "skipped")}" errors="0">`,
    );
    // What was tested, per suite: JUnit has no place for properties of the whole run.
    if (deployment || unavailable.length) {
      out.push("    <properties>");
      for (const [label, value] of [...(deployment ? fingerprintEntries(deployment) : []), ...modules])
        out.push(`      <property name="${escapeXml(label)}" value="${escapeXml(value)}"/>`);
      out.push("    </properties>");
    }
    for (const check of list) {
      out.push(
        `    <testcase name="${escapeXml(check.id)}" classname="${escapeXml(`${check.section}.${check.family}`)}">`,
      );
      if (junitOutcome(check) === "failed") {
        const reproduce = (check.curl ?? []).map((command) => `\n\nReproduce:\n${command}`).join("");
        const detail = `Rule: ${check.rule}\n${renderFindings(check.expected, check.given)}${reproduce}`;
        out.push(
          `      <failure message="${escapeXml(check.why)}" type="${escapeXml(check.family)}">${escapeXml(detail)}</failure>`,
        );
      } else if (junitOutcome(check) === "skipped") {
        out.push(
          `      <skipped message="${escapeXml(check.outcome === "inconclusive" ? `inconclusive: ${check.why}` : check.why)}"/>`,
        );
      } else if (junitOutcome(check) === "informational") {
        out.push(
          `      <system-out>${escapeXml(`informational failure (not gating): ${check.why}`)}</system-out>`,
        );
      }
      out.push("    </testcase>");
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>", "");
  return out.join("\n");
}
