/**
 * Writes the failures of the last run into a profile, for adopting the suite on a deployment:
 *   npm run conformance                         # red: the deployment deviates somewhere
 *   npm run update-expectations -- my-staging   # profiles/my-staging.yaml lists those checks
 *   WORKSPACE_PROFILE=my-staging npm run conformance   # green, each deviation reported
 * Entries already in the file keep their reasons (and comments) while they still match a failure;
 * entries whose checks all pass now are dropped; new failures are added with what the run saw.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument, YAMLSeq } from "yaml";
import { failsTheRun } from "../helpers/checks/check";
import type { ReportedCheck } from "../helpers/reporters/evidence";
import { loadConfig } from "../helpers/run/config";
import { failFast } from "../helpers/run/fail-fast";
import type { Fingerprint } from "../helpers/run/fingerprint";
import { type Deviation, DOCUMENTED, deviationFor, PROFILES_DIR, type Profile } from "../helpers/run/profile";

interface Plan {
  kept: Deviation[];
  dropped: Deviation[];
  added: Deviation[];
}

/** Which entries stay, which go, which come: from the run's results and the profile as it is. */
export function planUpdate(existing: Deviation[], checks: ReportedCheck[], observed: string): Plan {
  const failing = checks.filter((c) => c.outcome === "deviated" || failsTheRun(c, false));
  const profile: Profile = { name: "", deviations: existing };
  const kept = existing.filter((d) =>
    failing.some((c) => deviationFor({ ...profile, deviations: [d] }, c.id)),
  );
  const dropped = existing.filter((d) => !kept.includes(d));
  const added = failing
    .filter((c) => !deviationFor({ ...profile, deviations: kept }, c.id))
    .map((c) => ({ checks: c.id, reason: firstLine(c.why), source: observed }));
  return { kept, dropped, added };
}

function firstLine(text: string): string {
  const line = text.split("\n")[0];
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

function main(): void {
  const name = process.argv[2];
  if (!name || name.startsWith("-") || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    fail("usage: npm run update-expectations -- <profile name> [reports dir]   (e.g. my-staging)");
  }
  if (name === DOCUMENTED.name)
    fail(`"${DOCUMENTED.name}" is the built-in profile that lists nothing: name a new one.`);
  const reports = process.argv[3] ?? failFast(loadConfig).reportsDir;
  const resultsFile = join(reports, "checks.json");
  if (!existsSync(resultsFile)) fail(`${resultsFile} does not exist: run "npm run conformance" first.`);
  const results = JSON.parse(readFileSync(resultsFile, "utf8")) as {
    checks: ReportedCheck[];
    deployment?: Fingerprint;
  };
  const file = join(PROFILES_DIR, `${name}.yaml`);
  const doc = existsSync(file)
    ? parseDocument(readFileSync(file, "utf8"))
    : parseDocument(
        `# Known deviations of a deployment; see docs/profiles.md.\nprofile: ${name}\ndeviations: []\n`,
      );
  const existing = ((doc.toJS() as { deviations?: Deviation[] }).deviations ?? []) as Deviation[];
  const where = results.deployment ? ` against ${results.deployment.target}` : "";
  const observed = `observed in the run of ${results.deployment?.testedAt ?? new Date().toISOString()}${where}`;
  const plan = planUpdate(existing, results.checks, observed);
  const seq = doc.get("deviations", true) as YAMLSeq;
  const keep = new Set(plan.kept.map((d) => existing.indexOf(d)));
  const items = seq?.items ?? [];
  const next = new YAMLSeq();
  next.items = [...items.filter((_, i) => keep.has(i)), ...plan.added.map((d) => doc.createNode(d))];
  doc.set("deviations", next);
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  for (const d of plan.dropped) process.stdout.write(`- dropped ${d.checks}: it passes now\n`);
  for (const d of plan.added) process.stdout.write(`+ added ${d.checks}: ${d.reason}\n`);
  process.stdout.write(
    `${file}: ${plan.kept.length} kept, ${plan.added.length} added, ${plan.dropped.length} dropped. ` +
      `Replace the added reasons with why the deployment deviates, and cite a source.\n`,
  );
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

if (require.main === module) main();
