import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FullConfig } from "@playwright/test";
import { readLeniently } from "../http/formats";
import { describeTransportError, type HttpTransport } from "../http/http";
import type { Redactor } from "../http/redaction";

/** What a run tested, recorded in every report: which deployment, which version, by which suite. */
export interface Fingerprint {
  /** The portal root, without credentials or query. */
  target: string;
  /** From `GET api/2.0/settings/version/build` (anonymous), e.g. "communityServer 12.7.1.1744", or why it is unknown. */
  serverVersion: string;
  /** The profile the run judges by (WORKSPACE_PROFILE). */
  profile: string;
  /** When the run started, ISO 8601. */
  testedAt: string;
  /** This suite's version (package.json). */
  suiteVersion: string;
}

const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * One anonymous request; a deployment that does not answer it is still tested, its version "unknown".
 * What the deployment says goes into every report, so the run's secrets are redacted from it by value
 * (a debug build or proxy may echo the login it received).
 */
export async function takeFingerprint(
  http: HttpTransport,
  url: string,
  timeoutMs: number,
  profile: string,
  secrets: Redactor,
): Promise<Fingerprint> {
  const target = new URL(url);
  target.username = target.password = target.search = target.hash = "";
  const version = await serverVersion(
    http,
    new URL("api/2.0/settings/version/build.json", url).href,
    timeoutMs,
  );
  return {
    target: target.href,
    serverVersion: secrets.redact(version),
    profile,
    testedAt: new Date().toISOString(),
    suiteVersion: suiteVersion(),
  };
}

async function serverVersion(http: HttpTransport, url: string, timeoutMs: number): Promise<string> {
  try {
    const response = await http.send({
      method: "GET",
      url,
      headers: { Accept: "application/json" },
      timeoutMs,
      // A few hundred bytes on a real server; anything huge is not this answer (and would not fit in RunInfo).
      maxBodyBytes: MAX_ANSWER_BYTES,
    });
    if (response.status !== 200) return `unknown (status ${response.status})`;
    if (response.tooLarge) return `unknown (an answer of more than ${MAX_ANSWER_BYTES} bytes)`;
    const text = response.body.toString("utf8");
    const versions = (
      readLeniently(response.headers["content-type"], text) as { response?: unknown } | undefined
    )?.response;
    const named =
      versions && typeof versions === "object" && !Array.isArray(versions)
        ? Object.entries(versions).filter(([, v]) => typeof v === "string" && v && v.length <= 100)
        : [];
    return named.length
      ? named.map(([name, v]) => `${name} ${v}`).join(", ")
      : "unknown (no versions in the answer)";
  } catch (error) {
    return `unknown (${describeTransportError(error as Error, timeoutMs)})`;
  }
}

function suiteVersion(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  return `${pkg.name} ${pkg.version}`;
}

/** Each field's label, in one order for every report (console, JUnit, HTML, Allure). */
const LABELS: Record<keyof Fingerprint, string> = {
  target: "Target",
  serverVersion: "Server version",
  profile: "Profile",
  testedAt: "Tested at",
  suiteVersion: "Suite",
};

/** The fingerprint as labelled pairs. */
export function fingerprintEntries(fingerprint: Fingerprint): [label: string, value: string][] {
  return Object.entries(LABELS).map(([field, label]) => [label, fingerprint[field as keyof Fingerprint]]);
}

/** The lines that open the console output. */
export function fingerprintBanner(fingerprint: Fingerprint): string {
  const entries = fingerprintEntries(fingerprint);
  const width = Math.max(...entries.map(([label]) => label.length));
  return `${entries.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`).join("\n")}\n\n`;
}

/**
 * Shows the fingerprint before anything else (global setup runs before any reporter prints), and
 * hands it to the reports that cannot read RunInfo: Playwright's metadata (in the HTML report's
 * data). checks.json, junit.xml, Allure's environment and the tests' annotations read RunInfo.
 */
export function publishFingerprint(fingerprint: Fingerprint, config: FullConfig): void {
  process.stdout.write(fingerprintBanner(fingerprint));
  Object.assign(config.metadata, { deployment: Object.fromEntries(fingerprintEntries(fingerprint)) });
}

/**
 * The fingerprint the shards published in Playwright's metadata (`metadata`, the config's): what
 * `npx playwright merge-reports` has, since it runs no global setup. Undefined when none was published.
 */
export function publishedFingerprint(metadata: Record<string, unknown>): Fingerprint | undefined {
  const published = metadata.deployment as Record<string, string> | undefined;
  if (!published) return undefined;
  return Object.fromEntries(
    Object.entries(LABELS).map(([field, label]) => [field, published[label] ?? "unknown"]),
  ) as unknown as Fingerprint;
}

/** The fingerprint as one test annotation: the HTML report shows it on every test's page. */
export function fingerprintAnnotation(fingerprint: Fingerprint): { type: string; description: string } {
  return {
    type: "deployment",
    description: fingerprintEntries(fingerprint)
      .map(([label, value]) => `${label}: ${value}`)
      .join(" · "),
  };
}
