import { readFileSync } from "node:fs";
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { join } from "node:path";

/**
 * A deployment that misbehaves in one way, on loopback, for the bad-input self-tests. The TLS mode
 * uses a self-signed certificate made once with
 * `openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost`
 * (tests/support/tls/: a test key, protecting nothing).
 */
export type BadServerMode =
  | "html-page" // a login page or proxy answers every path
  | "redirect-to-login" // every path redirects to an SSO login page
  | "self-signed-tls" // HTTPS with a certificate no one signed
  | "malformed-bodies" // logs in, then answers reads with broken JSON and XML
  | "huge-body" // logs in, then answers reads with a body far larger than any API answer
  | "deeply-nested-login" // answers the login with XML nested past the parser's limit
  | "deeply-nested-bodies" // logs in, then answers reads with JSON and XML nested thousands deep
  | "echoing" // a debug build: answers every request with what it received, and the last login's body
  | "silent" // accepts the connection and never answers
  | "drops-connections" // logs in, then closes the connection of every read without an answer
  | "silent-after-login" // logs in, then never answers a read
  | "trickling" // logs in, answers TRICKLE_AFTER reads, then answers a byte a second, for ever
  | "enormous-bodies" // logs in, then streams 200 MB to every read
  | "huge-values" // logs in, then answers reads with a 7 MB id (JSON) or 2 MB of text (XML)
  | "wrong-credentials"; // refuses every login with 401

export interface BadServer {
  url: string;
  /** Login attempts received: a wrong password must be tried once, never again. */
  logins: number;
  /** Every request received, logins included: what a run cost the server, whatever the machine's load. */
  requests: number;
  /** Reads answered a byte a second (trickling): each is a timeout the run sat through. */
  trickled: number;
  close(): Promise<void>;
}

export const HUGE_BODY_BYTES = 9 * 1024 * 1024;

export const ENORMOUS_BODY_BYTES = 200 * 1024 * 1024;

/**
 * The trickling server answers this many reads at once first: the fingerprint, a probe for each of
 * the contract's 15 modules and a few checks pass.
 */
const TRICKLE_AFTER = 40;

/** The token every bad server that logs in issues. */
export const BAD_SERVER_TOKEN = "bad-server-token-0123456789";

/** Far deeper than any parser or recursion should follow. */
const DEPTH = 20_000;

export async function startBadServer(mode: BadServerMode): Promise<BadServer> {
  const sockets = new Set<Socket>();
  const counts = { reads: 0, trickled: 0 };
  const state: BadServer = {
    url: "",
    logins: 0,
    requests: 0,
    get trickled() {
      return counts.trickled;
    },
    close: async () => {},
  };
  const remembered = { lastLogin: "" };
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const isLogin = /\/api\/2\.0\/authentication/.test(request.url ?? "");
    state.requests++;
    if (isLogin) state.logins++;
    if (mode === "echoing") echo(isLogin, request, response, remembered);
    else answer(mode, isLogin, request, response, counts);
  };
  const server: Server =
    mode === "self-signed-tls"
      ? createHttpsServer(
          {
            key: readFileSync(join(__dirname, "tls", "self-signed-key.pem")),
            cert: readFileSync(join(__dirname, "tls", "self-signed-cert.pem")),
          },
          handler,
        )
      : createHttpServer(handler);
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `${mode === "self-signed-tls" ? "https" : "http"}://127.0.0.1:${port}/`;
  state.close = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return state;
}

/** Each string short enough for the fingerprint to take as a "version" (it keeps values up to 100 characters). */
function echo(
  isLogin: boolean,
  request: IncomingMessage,
  response: ServerResponse,
  remembered: { lastLogin: string },
): void {
  let body = "";
  request.on("data", (chunk: Buffer) => {
    body += chunk;
  });
  request.on("end", () => {
    if (isLogin) remembered.lastLogin = body;
    const received = {
      request: `${request.method} ${request.url}`,
      authorization: request.headers.authorization ?? "",
      body,
      lastLogin: remembered.lastLogin,
    };
    response.writeHead(isLogin ? 201 : 200, { "Content-Type": "application/json; charset=utf-8" });
    response.end(
      JSON.stringify({ status: 0, response: isLogin ? { token: BAD_SERVER_TOKEN, ...received } : received }),
    );
  });
}

function answer(
  mode: BadServerMode,
  isLogin: boolean,
  request: IncomingMessage,
  response: ServerResponse,
  state: { reads: number; trickled: number },
): void {
  const json = /\.json(\?|$)/.test(request.url ?? "") || /json/.test(request.headers.accept ?? "");
  switch (mode) {
    case "silent":
      return; // the request is read, and nothing ever comes back
    case "html-page":
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      return void response.end(
        "<!DOCTYPE html><html><body><form action='/login'>Sign in</form></body></html>",
      );
    case "redirect-to-login":
      response.writeHead(302, { Location: "/sso/login?returnUrl=%2F" });
      return void response.end();
    case "wrong-credentials":
      response.writeHead(isLogin ? 401 : 404, { "Content-Type": "application/json" });
      return void response.end(
        '{"status":1,"statusCode":401,"error":{"message":"User authentication failed"}}',
      );
  }
  if (mode === "deeply-nested-login" || (mode === "deeply-nested-bodies" && !isLogin)) {
    response.writeHead(isLogin ? 201 : 200, {
      "Content-Type": json && !isLogin ? "application/json; charset=utf-8" : "text/xml; charset=utf-8",
    });
    return void response.end(
      json && !isLogin
        ? `{"status":0,"response":${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}}`
        : `<result><status>0</status><response>${"<a>".repeat(DEPTH)}${"</a>".repeat(DEPTH)}</response></result>`,
    );
  }
  if (isLogin) {
    response.writeHead(201, { "Content-Type": "application/json; charset=utf-8" });
    return void response.end(
      JSON.stringify({ status: 0, statusCode: 201, response: { token: BAD_SERVER_TOKEN } }),
    );
  }
  switch (mode) {
    case "drops-connections":
      return void request.socket.destroy();
    case "silent-after-login":
      return;
    case "trickling":
      if (++state.reads > TRICKLE_AFTER) {
        state.trickled++;
        return void trickle(response);
      }
      response.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
      return void response.end('{"status":0,"statusCode":200,"response":{}}');
    case "enormous-bodies":
      return void stream(response, ENORMOUS_BODY_BYTES);
    case "huge-values":
      response.writeHead(200, {
        "Content-Type": json ? "application/json; charset=utf-8" : "application/xml; charset=utf-8",
      });
      return void response.end(
        json
          ? `{"status":0,"response":{"id":"${"7".repeat(7 * 1024 * 1024)}","userName":"u","email":"e@x.test"}}`
          : `<result><status>0</status><response><id>${"2".repeat(2 * 1024 * 1024)}</id></response></result>`,
      );
  }
  if (mode === "huge-body") {
    response.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
    return void response.end(`{"status":0,"response":"${"x".repeat(HUGE_BODY_BYTES)}"}`);
  }
  // malformed-bodies (also the TLS mode, once the certificate is accepted)
  response.writeHead(200, {
    "Content-Type": json ? "application/json; charset=utf-8" : "application/xml; charset=utf-8",
  });
  response.end(json ? '{"status":0,"response":{"communityServer":' : "<result><status>0</status><response>");
}

/** Headers at once, then the body a byte a second until the client gives up. */
function trickle(response: ServerResponse): void {
  response.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
  const body = '{"status":0,"response":{"id":1}}';
  let sent = 0;
  const timer = setInterval(() => {
    response.write(body[sent % body.length]);
    sent++;
  }, 1000);
  response.on("close", () => clearInterval(timer));
}

/** `bytes` of a JSON string, as fast as the client reads, without a Content-Length to warn it. */
function stream(response: ServerResponse, bytes: number): void {
  response.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
  const chunk = Buffer.alloc(64 * 1024, "x");
  let sent = 0;
  response.write('{"status":0,"response":"');
  const more = () => {
    while (sent < bytes && !response.destroyed) {
      sent += chunk.length;
      if (!response.write(chunk)) return void response.once("drain", more);
    }
    if (!response.destroyed) response.end('"}');
  };
  more();
}
