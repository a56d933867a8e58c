import http from "node:http";
import https from "node:https";

/**
 * What sends the suite's requests: node:http(s), not Playwright's APIRequestContext. Playwright
 * records every APIRequestContext call as a report step whose error "Call log" carries the request's
 * headers, Authorization included, unredacted (issue 16); it also reads whole bodies and keeps them
 * until the context is disposed. Here nothing is recorded, no cookie is kept, a body is read only up
 * to a limit and the whole exchange (connect, headers and body) is bounded by one deadline.
 */
export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Deadline for the whole exchange, the body's last byte included. */
  timeoutMs: number;
  /** Larger bodies are not read: the connection is closed at this many bytes. */
  maxBodyBytes: number;
  /** The source address to send from (a lane of the run's budget); keep-alive pools are per address. */
  localAddress?: string;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  /** Set when the body passed `maxBodyBytes`: `body` is empty and the connection was closed. */
  tooLarge?: { bytesSeen: number; declared?: number };
}

/** The code of a TransportError for a request whose deadline passed before its answer was complete. */
export const TIMED_OUT = "ETIMEDOUT";

/** A request that got no complete answer; `message` says which way, in Node's words. */
export class TransportError extends Error {
  override name = "TransportError";
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Network failures in words: what happened and what to try. */
export function describeTransportError(error: Error, timeoutMs: number): string {
  const text = error.message.split("\n")[0];
  if (/Timeout|timed out/i.test(text)) {
    return `no answer within ${timeoutMs} ms (the server accepted the request but did not respond; raise WORKSPACE_TIMEOUT_MS if it is just slow)`;
  }
  if (/ECONNREFUSED/.test(text)) return "connection refused: nothing listens at that address and port";
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return "the host name does not resolve: check WORKSPACE_URL";
  if (/certificate|SSL|TLS|self[- ]signed|CERT_/i.test(text)) {
    return `TLS error (${text}); for a staging server with a self-signed certificate set WORKSPACE_IGNORE_HTTPS_ERRORS=true`;
  }
  if (/ECONNRESET|socket hang up/i.test(text)) return "the server closed the connection without an answer";
  return text;
}

/** The reset of a reused keep-alive connection, before any answer. */
class StaleConnection extends TransportError {}

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE"]);

/**
 * A kept-alive connection idle this long is closed by us, or a second before the server's own
 * `Keep-Alive: timeout=N` when it announces one: Node's agent honours that hint only when it has an
 * idle timeout of its own. Without it, a connection the server was closing could be reused on a busy
 * machine (its close not yet read), and a POST sent on it failed: it is not sent again (issue 21).
 */
const IDLE_CONNECTION_MS = 60_000;

export class HttpTransport {
  private readonly httpAgent = new http.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS });
  private readonly httpsAgent: https.Agent;

  constructor(options: { ignoreHttpsErrors?: boolean } = {}) {
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      timeout: IDLE_CONNECTION_MS,
      rejectUnauthorized: !options.ignoreHttpsErrors,
    });
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    try {
      return await this.exchange(request);
    } catch (error) {
      // A kept-alive connection the server closed while idle fails the next request sent on it,
      // before the server saw it (Node's documented race): sent again once, on a new connection,
      // where a repeat cannot do harm (an idempotent method).
      if (!(error instanceof StaleConnection) || !IDEMPOTENT.has(request.method)) throw error;
      return this.exchange(request);
    }
  }

  private exchange(request: HttpRequest): Promise<HttpResponse> {
    const url = new URL(request.url);
    const secure = url.protocol === "https:";
    const headers: Record<string, string> = { Accept: "*/*", ...request.headers };
    if (request.body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(request.body));
    return new Promise((resolve, reject) => {
      const outgoing = (secure ? https : http).request(url, {
        method: request.method,
        headers,
        agent: secure ? this.httpsAgent : this.httpAgent,
        localAddress: request.localAddress,
      });
      const fail = (error: TransportError) => {
        clearTimeout(deadline);
        outgoing.destroy();
        reject(error);
      };
      const deadline = setTimeout(
        () => fail(new TransportError(`Timeout ${request.timeoutMs}ms exceeded`, TIMED_OUT)),
        request.timeoutMs,
      );
      outgoing.on("error", (error: NodeJS.ErrnoException) =>
        fail(
          outgoing.reusedSocket && error.code === "ECONNRESET"
            ? new StaleConnection(error.message, error.code)
            : new TransportError(error.message, error.code),
        ),
      );
      outgoing.on("response", (incoming) => {
        const declared = Number(incoming.headers["content-length"]);
        const chunks: Buffer[] = [];
        let bytes = 0;
        const answer = (body: Buffer, tooLarge?: HttpResponse["tooLarge"]) => {
          clearTimeout(deadline);
          resolve({
            status: incoming.statusCode ?? 0,
            headers: flatHeaders(incoming.headers),
            body,
            tooLarge,
          });
        };
        const refuse = () => {
          // Closing the socket is the only way to stop a server that keeps sending.
          outgoing.destroy();
          answer(Buffer.alloc(0), {
            bytesSeen: bytes,
            declared: Number.isFinite(declared) ? declared : undefined,
          });
        };
        if (Number.isFinite(declared) && declared > request.maxBodyBytes) {
          refuse();
          return;
        }
        incoming.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > request.maxBodyBytes) {
            chunks.length = 0;
            incoming.removeAllListeners("data");
            refuse();
          } else chunks.push(chunk);
        });
        incoming.on("end", () => {
          if (bytes <= request.maxBodyBytes) answer(Buffer.concat(chunks));
        });
        incoming.on("error", (error: NodeJS.ErrnoException) => {
          if (bytes <= request.maxBodyBytes) fail(new TransportError(error.message, error.code));
        });
        incoming.on("aborted", () => {
          if (bytes <= request.maxBodyBytes) fail(new TransportError("socket hang up", "ECONNRESET"));
        });
      });
      outgoing.end(request.body);
    });
  }

  /** Closes idle keep-alive connections, so the process can exit. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  return flat;
}
