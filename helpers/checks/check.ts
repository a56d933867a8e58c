import type { Operation } from "../contract/contract";
import type { SchemaRegistry } from "../contract/schemas";
import type { Exchange, RequestSpec } from "../http/client";
import type { Format } from "../http/formats";

/**
 * Check families: the second half of a check id names one, and so does its `@tag`. `auth` checks
 * (helpers/checks/auth.ts) run with each operation's others, after ALL_CHECKS, and `login` first
 * (helpers/checks/test-plan.ts); `rate-limit` from specs/rate-limit.spec.ts
 * (helpers/checks/rate-limit.ts); `module` records what global setup's probes found
 * (helpers/checks/module.ts).
 */
export const FAMILIES = [
  "module",
  "status",
  "not-found",
  "format",
  "request-body",
  "write",
  "parity",
  "schema",
  "auth",
  "login",
  "rate-limit",
] as const;
export type Family = (typeof FAMILIES)[number];

/** What one check found, in one shape every reporter understands (after Step CI's matcher results). */
export interface Verdict {
  passed: boolean;
  expected: unknown;
  given: unknown;
  /** Why it failed (or what passing meant), in words. */
  why: string;
  /** Its control failed, so neither passing nor failing would mean anything. */
  inconclusive?: true;
}

/** Name of the attachment that carries a test's check results to the reporters. */
export const RESULTS_ATTACHMENT = "conformance-results.json";

/**
 * passed; failed; skipped (not run, with the reason); inconclusive (its control failed, so the result
 * proves nothing); deviated (failed, as the deployment's profile expects); fixed (passed, though the
 * profile expects a failure).
 */
export type Outcome = "passed" | "failed" | "skipped" | "inconclusive" | "deviated" | "fixed";

export interface CheckResult {
  /** `people.get-self/format.default-is-xml` */
  id: string;
  section: string;
  operation: string;
  family: Family;
  check: string;
  rule: string;
  outcome: Outcome;
  expected: unknown;
  given: unknown;
  why: string;
  exchanges: Exchange[];
  /** Reported, never gating: the documentation is silent on it (see Check.informational). */
  informational?: true;
  /** The profile entry that lists this check as a known failure of the deployment. */
  deviation?: { profile: string; checks: string; reason: string; source: string };
}

/**
 * Whether a result fails the run: a failure the profile does not expect, or (by default, so the
 * profile stays true) a check the profile lists as failing that passes. Informational checks never do.
 */
export function failsTheRun(
  result: Pick<CheckResult, "outcome" | "informational">,
  failOnFixed = true,
): boolean {
  if (result.informational) return false;
  return result.outcome === "failed" || (result.outcome === "fixed" && failOnFixed);
}

/**
 * Errors that mean the check's request was never sent: a write not allowed, a run that stopped, a
 * look-up whose list is empty (no record to read). Such a check is skipped, with the error's message.
 */
const NOT_SENT = new Set(["WriteRefused", "RunStopped", "NoRecordToRead"]);

/** How a skipped check's why starts when its read found no record (helpers/reporters/empty-lists.ts counts them). */
export const NO_RECORD_TO_READ = "no record to read";

export function wasNotSent(error: unknown): boolean {
  return error instanceof Error && NOT_SENT.has(error.name);
}

/** How a check asks for a response: the operation's request, varied in format, headers, body or ids. */
export interface Variation {
  suffix?: Format;
  headers?: Record<string, string>;
  /** Use the contract's `unknown` values for these placeholders. */
  unknownIds?: boolean;
  /** For operations with a body: how to send it. */
  bodyKind?: "json" | "form";
  /** Send this Authorization value (null: none) instead of what the operation's `auth` calls for. */
  authorization?: string | null;
  /** Placeholder values to send instead of discovering them (a record read back by its id). */
  values?: Record<string, string>;
}

/** A response, read: its format by Content-Type and, when it parses, its value (XML converted by schema). */
export interface ReadResponse {
  exchange: Exchange;
  status?: number;
  contentType?: string;
  format?: Format;
  /** The JSON value (XML converted to JSON with the schema), when the body is well-formed. */
  value?: unknown;
  /** Why the body could not be read in its announced format. */
  unreadable?: string;
  /** Name of the XML root element, for XML bodies. */
  xmlRoot?: string;
  /** For requests with a body: the contract's `reflects`, with `{unique}` filled in as it was sent. */
  reflects?: Record<string, unknown>;
  /** The value each placeholder was sent with (the id a write acted on). */
  values?: Record<string, string>;
  /** A settings-like write: the value read before the operation's first write, ledgered to be sent back (restore.ts). */
  original?: Original;
}

/** A setting's value before the run wrote it, and the request that sets it back (restore.ts). */
export interface Original {
  /** The restore's body: each member as the read answered it (null where it answered none). */
  body: Record<string, unknown>;
  /** The write itself, on the same record, with that body. */
  spec: RequestSpec;
}

/** A JSON object: no array, no null. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The `response` of a read's JSON (or converted XML) value. */
export const responseOf = (read: ReadResponse) =>
  (read.value as { response?: unknown } | undefined)?.response;

export interface CheckContext {
  readonly schemas: SchemaRegistry;
  /** Every record this run creates carries it in its name: such records come and go between two reads. */
  readonly runMarker: string;
  /**
   * Sends the operation's request with a variation; a creation is recorded for undo. The same
   * request for the operation under check is sent once, its answer shared by the checks that send it.
   */
  perform(op: Operation, variation?: Variation): Promise<ReadResponse>;
  /**
   * An answer this operation's checks already got for `variation`, if `usable` takes it: kept as
   * evidence, nothing sent. A check that can judge any such answer asks here before sending its own.
   */
  reuse(
    op: Operation,
    variation: Variation,
    usable: (read: ReadResponse) => boolean,
  ): ReadResponse | undefined;
  /** Sends an arbitrary request; kept as evidence. */
  send(spec: RequestSpec): Promise<Exchange>;
  /** Another operation of the operation's section, by its id (`get-by-id`). */
  sibling(op: Operation, id: string): Operation | undefined;
  /** The envelope schema around the operation's resource schema (success) or the error envelope. */
  envelopeSchema(op: Operation | undefined, kind: "success" | "error"): string;
}

export interface Check {
  family: Family;
  name: string;
  /** The documented rule it checks, in one sentence. */
  rule: string;
  appliesTo(op: Operation): boolean;
  run(op: Operation, ctx: CheckContext): Promise<Verdict>;
  /** Where the documentation is silent: a failure is reported but does not fail the run. */
  informational?: true;
}

export function checkId(op: Operation, check: Check): string {
  return `${op.key}/${check.family}.${check.name}`;
}

/** `200 application/json; charset=utf-8, 512 bytes` */
export function describeResponse(read: ReadResponse): string {
  if (read.exchange.error) return `no response: ${read.exchange.error}`;
  const size = read.exchange.response?.body.length ?? 0;
  return `${read.status} ${read.contentType ?? "(no Content-Type)"}, ${size} bytes`;
}
