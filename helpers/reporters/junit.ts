import type { ReportedCheck } from "./conformance-reporter";

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

function show(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

/** JUnit XML with one test case per check, named by its check id, one suite per section. */
export function junitXml(checks: ReportedCheck[], durationMs: number): string {
  const sections = new Map<string, ReportedCheck[]>();
  for (const check of checks) sections.set(check.section, [...(sections.get(check.section) ?? []), check]);
  const count = (list: ReportedCheck[], outcome: string) => list.filter((c) => c.outcome === outcome).length;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="workspace-conformance" tests="${checks.length}" failures="${count(checks, "failed")}" skipped="${count(checks, "skipped")}" errors="0" time="${(durationMs / 1000).toFixed(3)}">`,
  ];
  for (const [section, list] of sections) {
    out.push(
      `  <testsuite name="${escapeXml(section)}" tests="${list.length}" failures="${count(list, "failed")}" skipped="${count(list, "skipped")}" errors="0">`,
    );
    for (const check of list) {
      out.push(
        `    <testcase name="${escapeXml(check.id)}" classname="${escapeXml(`${check.section}.${check.family}`)}">`,
      );
      if (check.outcome === "failed") {
        const detail = `Rule: ${check.rule}\nExpected: ${show(check.expected)}\nGiven: ${show(check.given)}`;
        out.push(
          `      <failure message="${escapeXml(check.why)}" type="${escapeXml(check.family)}">${escapeXml(detail)}</failure>`,
        );
      } else if (check.outcome === "skipped") {
        out.push(`      <skipped message="${escapeXml(check.why)}"/>`);
      }
      out.push("    </testcase>");
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>", "");
  return out.join("\n");
}
