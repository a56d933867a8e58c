import { moduleOfPath, type Operation, operationPlaceholders, type Section } from "../contract/contract";
import { handedOver, handOver } from "../contract/hand-over";
import type { Exchange, RequestSpec, WorkspaceClient } from "../http/client";
import { ConfigError, type SuiteConfig } from "./config";
import type { Profile } from "./profile";

/**
 * Modules a deployment may not have. A contract file's section is a module (its paths are
 * api/2.0/<section>/...). On a real portal a module may be
 * - not installed: its routes answer ASP.NET's HTML 404 page, no envelope, before the API sees them;
 * - switched off: ProductSecurityFilter answers 403 with the envelope, error.message "Forbidden"
 * (workspace-api-facts.md §2). Global setup finds that out once per module, with one request (the
 * probe); an unavailable module's checks are skipped with the reason, and fail the run only when
 * the module is required (WORKSPACE_REQUIRED_MODULES, or a profile's requiredModules).
 */
export interface ModuleStatus {
  module: string;
  available: boolean;
  /** Why it is unavailable, or what the probe saw. */
  reason: string;
  /** The operation probed (`crm.contacts`): the module check's id and YAML line are its. */
  probe: string;
  /** The probe's request and answer, redacted: the module check's evidence. */
  exchange?: Exchange;
}

/**
 * A module's probe: its first GET without side effects whose request can be built without a
 * look-up. A placeholder takes its `value`, or its `unknown` value (any value reaches the route:
 * a missing module's route answers the HTML page whatever the id, an existing one the envelope).
 * A read without placeholders comes first.
 */
export function probeOf(section: Section): { op: Operation; values: Record<string, string> } | undefined {
  const candidates = section.operations.flatMap((op) => {
    if (op.method !== "GET" || op.effects) return [];
    const values: Record<string, string> = {};
    for (const name of operationPlaceholders(op)) {
      const source = op.params[name];
      const value = "value" in source ? source.value : op.unknown?.[name];
      if (value === undefined) return [];
      values[name] = String(value);
    }
    return [{ op, values, placeholders: Object.keys(values).length }];
  });
  return candidates.sort((a, b) => a.placeholders - b.placeholders)[0];
}

export function probeRequest(op: Operation, values: Record<string, string>): RequestSpec {
  const fill = (text: string, encode: (v: string) => string) =>
    text.replace(/\{([^}]+)\}/g, (_, name: string) => encode(values[name]));
  return {
    method: "GET",
    path: `${fill(op.path, encodeURIComponent)}.json`,
    query: Object.fromEntries(
      Object.entries(op.query).map(([k, v]) => [k, typeof v === "string" ? fill(v, String) : v]),
    ),
    headers: { Accept: "application/json" },
    authenticated: op.auth !== "anonymous",
  };
}

/** The API's envelope, as JSON (asked for) or XML (`<result>`): the API answered, whatever it said. */
function envelopeOf(body: string): { error?: { message?: unknown } } | undefined {
  const text = body.trim();
  if (text.startsWith("{")) {
    try {
      const value = JSON.parse(text) as Record<string, unknown>;
      return "statusCode" in value || "status" in value ? value : undefined;
    } catch {
      return undefined;
    }
  }
  const forbidden = /<result>[\s\S]*<error>[\s\S]*<message>([^<]*)<\/message>/.exec(text);
  if (forbidden) return { error: { message: forbidden[1] } };
  return /^(<\?xml[^>]*>\s*)?<result[\s>]/.test(text) ? {} : undefined;
}

/** What one probe's answer says of its module. */
export function classifyProbe(
  module: string,
  probe: string,
  request: string,
  exchange: Exchange,
): ModuleStatus {
  const base = { module, probe, exchange };
  const response = exchange.response;
  if (!response)
    return {
      ...base,
      available: true,
      reason: `the probe ${request} got no answer (${exchange.error}); its checks will tell`,
    };
  const type = response.headers["content-type"] ?? "no Content-Type";
  const envelope = envelopeOf(response.body);
  if (response.status === 404 && !envelope) {
    return {
      ...base,
      available: false,
      reason: `not installed: ${request} answered 404 with a page (${type}), not the API's envelope`,
    };
  }
  if (response.status === 403 && envelope?.error?.message === "Forbidden") {
    return {
      ...base,
      available: false,
      reason: `switched off: ${request} answered 403 "Forbidden" (the module is disabled for this account or portal)`,
    };
  }
  return { ...base, available: true, reason: `${request} answered ${response.status} through the API` };
}

/** One request per module of the contract, in turn (a handful, paced by the run's budget). */
export async function probeModules(client: WorkspaceClient, sections: Section[]): Promise<ModuleStatus[]> {
  const statuses: ModuleStatus[] = [];
  for (const section of sections) {
    const probe = probeOf(section);
    if (!probe) {
      statuses.push({
        module: section.name,
        probe: section.operations[0].key,
        available: true,
        reason:
          "no read of it can be sent without a looked-up value, so it was not probed; its checks will tell",
      });
      continue;
    }
    const spec = probeRequest(probe.op, probe.values);
    const exchange = await client.send(spec);
    statuses.push(classifyProbe(section.name, probe.op.key, `GET ${spec.path}`, exchange));
  }
  return statuses;
}

/** `crm (not installed: ...), mail (switched off: ...)`; empty when every module is available. */
export function describeUnavailable(statuses: ModuleStatus[]): string {
  return statuses
    .filter((s) => !s.available)
    .map((s) => `${s.module} (${s.reason})`)
    .join(", ");
}

const KEY = "MODULES";

/** Global setup hands the probes' results to the workers (and the main process's reporters). */
export function shareModuleStatuses(statuses: ModuleStatus[]): void {
  handOver(KEY, statuses);
}

let shared: Map<string, ModuleStatus> | undefined;

/** The probes' results of this run, by module (empty before global setup, or outside a run). */
export function moduleStatuses(): Map<string, ModuleStatus> {
  shared ??= new Map((handedOver<ModuleStatus[]>(KEY) ?? []).map((s) => [s.module, s]));
  return shared;
}

/**
 * Why an operation's checks cannot run on this deployment: its module is unavailable, or it looks
 * up a value from one that is. Undefined when they can.
 */
export function unavailability(op: Operation, statuses = moduleStatuses()): string | undefined {
  const own = statuses.get(op.section);
  if (own && !own.available) return `module ${op.section} is unavailable (${own.reason})`;
  for (const source of Object.values(op.params)) {
    if (!("from" in source)) continue;
    const module = moduleOfPath(source.from.split(" ")[1]);
    const status = statuses.get(module);
    if (status && !status.available)
      return `it looks up a value from module ${module}, which is unavailable (${status.reason})`;
  }
  return undefined;
}

/** The modules this run requires: WORKSPACE_REQUIRED_MODULES and the profile's requiredModules. */
export function requiredModules(config: Pick<SuiteConfig, "requiredModules">, profile: Profile): Set<string> {
  return new Set([...config.requiredModules, ...(profile.requiredModules ?? [])]);
}

/** A required module that is no module of the contract is a setup mistake (exit 2), said before any request. */
export function checkRequiredModules(
  config: Pick<SuiteConfig, "requiredModules">,
  profile: Profile,
  sections: Section[],
): void {
  const known = sections.map((section) => section.name).sort();
  const unknown = (names: readonly string[] = []) => names.filter((name) => !known.includes(name));
  const where = [
    ["WORKSPACE_REQUIRED_MODULES", unknown(config.requiredModules)],
    [`requiredModules of ${profile.file ?? `profile ${profile.name}`}`, unknown(profile.requiredModules)],
  ] as const;
  for (const [source, names] of where) {
    if (names.length)
      throw new ConfigError(
        `${source} names ${names.map((n) => `"${n}"`).join(", ")}, which is not a module of the contract (specs/*.yaml sections: ${known.join(", ")}).`,
      );
  }
}
