import type { Method, Scalar } from "../contract/contract";
import type { Budget } from "./budget";
import { describeTransportError, type HttpTransport, TIMED_OUT, TransportError } from "./http";
import { issuedTokens, type Redactor } from "./redaction";
import { logRequest } from "./request-log";
import { type RunStop, RunStopped, TIMEOUTS_TO_STOP } from "./run-stop";
import { classifyThrottle } from "./throttle";

/** A file a request carries: its name, media type and content, text or (`base64`) bytes. */
export interface FilePart {
  field: string;
  name: string;
  contentType: string;
  content: string;
  /** The content is the file's bytes in base64 (an image), sent as those bytes. */
  encoding?: "base64";
}

/**
 * A request body: JSON or a form (members), multipart/form-data (members as text parts, then the
 * file), or raw (the file itself, named by a Content-Disposition header).
 */
export type Body =
  | { kind: "json" | "form"; data: Record<string, unknown> }
  | { kind: "multipart"; data: Record<string, unknown>; file: FilePart }
  | { kind: "raw"; file: FilePart };

/** What to send; `path` is relative to the portal root and may end in a `.json`/`.xml` suffix. */
export interface RequestSpec {
  method: Method;
  path: string;
  query?: Record<string, Scalar>;
  headers?: Record<string, string>;
  /** Send the run's token (default). */
  authenticated?: boolean;
  /** Send this Authorization value instead (null: none at all); overrides `authenticated`. */
  authorization?: string | null;
  body?: Body;
}

/** One request and what came back, secrets already redacted: the evidence of a check. */
export interface Exchange {
  request: { method: Method; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; body: string };
  /** A transport failure (timeout, refused, TLS), in words. */
  error?: string;
  ms: number;
  /** What the client did about it, for the evidence: a 503 it waited out and retried once, say. */
  note?: string;
  /** The deployment throttled the suite while it kept its budget: the check fails with this. */
  throttledEarly?: string;
}

export class WriteRefused extends Error {
  override name = "WriteRefused";
}

export interface ClientOptions {
  baseUrl: string;
  token?: string;
  timeoutMs: number;
  allowWrites: boolean;
  budget: Budget;
  redactor: Redactor;
  /** Classify 503s (helpers/http/throttle.ts); off only for the rate-limit checks, which provoke them. */
  classifyThrottles?: boolean;
  /** Largest body read into memory; a larger one is an error, not an out-of-memory. */
  maxBodyBytes?: number;
  /** Declared after TIMEOUTS_TO_STOP timeouts in a row; once declared, nothing more is sent. */
  stop?: RunStop;
}

/** The only way the suite talks to a deployment: paced, read-only unless allowed, evidence redacted. */
export class WorkspaceClient {
  constructor(
    private readonly http: HttpTransport,
    readonly options: ClientOptions,
  ) {}

  url(path: string, query: Record<string, Scalar> = {}): string {
    const url = new URL(path, this.options.baseUrl);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
    return url.href;
  }

  /** Sends one request; a 503 is classified (helpers/http/throttle.ts), never silently retried. */
  async send(spec: RequestSpec): Promise<Exchange> {
    const { exchange, from } = await this.attempt(spec);
    if (exchange.response?.status !== 503 || this.options.classifyThrottles === false) return exchange;
    // Against the window of the lane it was sent from: each lane is a client of its own to the limit.
    const decision = classifyThrottle(
      exchange.response.headers["retry-after"],
      await this.options.budget.throttled(from),
    );
    if (decision.kind === "throttled-early") return { ...exchange, throttledEarly: decision.why };
    if (decision.kind === "not-a-throttle") return { ...exchange, note: decision.note };
    await new Promise((resolve) => setTimeout(resolve, decision.waitMs));
    return { ...(await this.attempt(spec)).exchange, note: decision.note };
  }

  /** Throws WriteRefused for a write this deployment does not allow: such a request is never sent. */
  refuseForbiddenWrite(spec: RequestSpec): void {
    if (spec.method !== "GET" && !isLoginRequest(spec) && !this.options.allowWrites) {
      throw new WriteRefused(
        `refused to send ${spec.method} ${spec.path}: writes to this deployment are not allowed (set WORKSPACE_ALLOW_WRITES=true to allow them)`,
      );
    }
  }

  /** One request, and the source address it was sent from (its lane's). */
  private async attempt(spec: RequestSpec): Promise<{ exchange: Exchange; from?: string }> {
    const isLogin = isLoginRequest(spec);
    this.refuseForbiddenWrite(spec);
    const stopped = this.options.stop?.stoppedBecause();
    if (stopped !== undefined) throw new RunStopped(`not sent: ${stopped}`);
    const headers: Record<string, string> = { ...spec.headers };
    if (spec.authorization !== undefined) {
      if (spec.authorization !== null) headers.Authorization = spec.authorization;
    } else if (spec.authenticated !== false && this.options.token) headers.Authorization = this.options.token;
    let data: string | Buffer | undefined;
    let shown: string | undefined;
    if (spec.body) {
      const encoded = encodeBody(spec.body);
      Object.assign(headers, encoded.headers);
      data = encoded.data;
      shown = typeof data === "string" ? data : shownBody(spec.body);
    }
    const url = this.url(spec.path, spec.query);
    const from = await this.options.budget.take();
    const started = performance.now();
    let timedOut = false;
    const redact = (text: string) => this.options.redactor.redact(text);
    const exchange: Exchange = {
      request: {
        method: spec.method,
        url: redact(url),
        headers: redactHeaders(headers, redact),
        body: shown && redact(shown),
      },
      ms: 0,
    };
    try {
      const limit = this.options.maxBodyBytes ?? 8 * 1024 * 1024;
      const response = await this.http.send({
        method: spec.method,
        url,
        headers,
        body: data,
        timeoutMs: this.options.timeoutMs,
        maxBodyBytes: limit,
        localAddress: from,
      });
      const text = response.body.toString("utf8");
      // A login answers a new, valid token: a secret like the run's own, from now on.
      if (isLogin) for (const token of issuedTokens(text)) this.options.redactor.add(token);
      exchange.response = {
        status: response.status,
        headers: redactHeaders(response.headers, redact),
        body: response.tooLarge ? "" : redact(text),
      };
      if (response.tooLarge)
        exchange.error = `too large to read: ${describeSize(response.tooLarge)}, more than the ${limit} bytes a check reads; the connection was closed`;
    } catch (error) {
      exchange.error = describeTransportError(error as Error, this.options.timeoutMs);
      timedOut = error instanceof TransportError && error.code === TIMED_OUT;
    }
    exchange.ms = Math.round(performance.now() - started);
    logRequest(exchange.request, exchange.response?.status);
    this.countTimeouts(timedOut);
    return { exchange, from };
  }

  private timeoutsInARow = 0;

  /** A deployment that answers nothing in time, again and again, ends the run instead of dragging it out. */
  private countTimeouts(timedOut: boolean): void {
    this.timeoutsInARow = timedOut ? this.timeoutsInARow + 1 : 0;
    if (this.timeoutsInARow >= TIMEOUTS_TO_STOP)
      this.options.stop?.declare(
        `the deployment stopped answering: ${this.timeoutsInARow} requests in a row got no complete answer within ${this.options.timeoutMs} ms (WORKSPACE_TIMEOUT_MS)`,
      );
  }
}

function describeSize({ bytesSeen, declared }: { bytesSeen: number; declared?: number }): string {
  return declared !== undefined ? `${declared} bytes announced` : `${bytesSeen} bytes and more`;
}

const isLoginRequest = (spec: RequestSpec) =>
  spec.method === "POST" && /^api\/2\.0\/authentication(\.json|\.xml)?$/.test(spec.path);

/** The members a body names (none for a raw file): what tells one write's request from another's. */
export const bodyData = (body: Body | undefined) => (body && "data" in body ? body.data : undefined);

/** A body's bytes and the headers that describe them. */
export function encodeBody(body: Body): { headers: Record<string, string>; data: string | Buffer } {
  switch (body.kind) {
    case "json":
      return { headers: { "Content-Type": "application/json" }, data: jsonEncode(body.data) };
    case "form":
      return {
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        data: formEncode(body.data),
      };
    case "multipart":
      return multipartEncode(body.data, body.file);
    case "raw":
      // The server URL-decodes the filename it reads (module/ASC.Api/ASC.Api/Impl/ApiArgumentBuilder.cs:87-91).
      return {
        headers: {
          "Content-Type": body.file.contentType,
          "Content-Disposition": `attachment; filename="${encodeURIComponent(body.file.name)}"`,
        },
        data: fileBytes(body.file),
      };
  }
}

const fileBytes = (file: FilePart) => (file.encoding === "base64" ? base64Bytes(file) : file.content);
const base64Bytes = (file: FilePart) => Buffer.from(file.content, "base64");

/** A body whose file is bytes, as evidence shows it: the file's base64 text in its place, said so. */
function shownBody(body: Body): string {
  if (!("file" in body) || !body.file.encoding) return String(encodeBody(body).data);
  const content = `(${base64Bytes(body.file).length} bytes sent as such; base64: ${body.file.content})`;
  return String(encodeBody({ ...body, file: { ...body.file, encoding: undefined, content } }).data);
}

/** A boundary no content of the contract's holds: it is checked against the parts, not trusted. */
const BOUNDARY = "wc-boundary-7f3a9c2e51d84b06";

/**
 * multipart/form-data (RFC 7578): each member a text part (as a form names it, `key[member]`), then
 * the file, whose part carries its filename and media type; CRLF line ends throughout.
 */
export function multipartEncode(
  data: Record<string, unknown>,
  file: FilePart,
): { headers: Record<string, string>; data: string | Buffer } {
  const quoted = (text: string) => text.replace(/["\r\n\\]/g, (c) => encodeURIComponent(c));
  const parts = [...new URLSearchParams(formEncode(data))].map(
    ([name, value]) => `Content-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}`,
  );
  // Bytes go in where this mark is, once the text around them is checked for the boundary.
  const bytes = file.encoding === "base64" ? base64Bytes(file) : undefined;
  const mark = `--${BOUNDARY}-bytes`;
  parts.push(
    `Content-Disposition: form-data; name="${quoted(file.field)}"; filename="${quoted(file.name)}"\r\n` +
      `Content-Type: ${file.contentType}\r\n\r\n${bytes ? "" : file.content}`,
  );
  if (parts.some((part) => part.includes(`--${BOUNDARY}`)) || bytes?.includes(`--${BOUNDARY}`))
    throw new Error(`a multipart body holds its own boundary "${BOUNDARY}": change the content`);
  if (bytes) parts[parts.length - 1] += mark;
  const text = parts.map((part) => `--${BOUNDARY}\r\n${part}\r\n`).join("") + `--${BOUNDARY}--\r\n`;
  const headers = { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` };
  if (!bytes) return { headers, data: text };
  const [before, after] = text.split(mark);
  return { headers, data: Buffer.concat([Buffer.from(before), bytes, Buffer.from(after)]) };
}

/**
 * A body as JSON; a key naming a member of an object (`filter[name]`, as a form names it) becomes that
 * member (`{"filter":{"name":...}}`), which the server flattens back to `filter[name]`
 * (module/ASC.Api/ASC.Api/Impl/ApiArgumentBuilder.cs:266-290).
 */
export function jsonEncode(data: Record<string, unknown>): string {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const path = /^\w+(\[[A-Za-z_]\w*\])+$/.test(key) ? key.split(/\[|\]\[?/).filter(Boolean) : [key];
    let node = root;
    for (const member of path.slice(0, -1)) {
      node[member] ??= {};
      node = node[member] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return JSON.stringify(root);
}

/**
 * A form body: a list of values repeats its key; objects nest as the server's binder reads them,
 * `share[0][shareTo]` (module/ASC.Api/ASC.Api/Utils/Binder.cs:154, 274-281).
 */
export function formEncode(data: Record<string, unknown>): string {
  const params = new URLSearchParams();
  const add = (key: string, value: unknown): void => {
    // null is left out: the server's argument builder reads an absent member as null.
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) add(isObject(item) ? `${key}[${index}]` : key, item);
    } else if (isObject(value))
      for (const [member, inner] of Object.entries(value)) add(`${key}[${member}]`, inner);
    else params.append(key, String(value));
  };
  for (const [key, value] of Object.entries(data)) add(key, value);
  return params.toString();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function redactHeaders(
  headers: Record<string, string>,
  redact: (t: string) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = redact(value);
  return out;
}
