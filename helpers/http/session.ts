import { formatOfContentType, parseBody, readLeniently } from "./formats";
import { describeTransportError, type HttpResponse, type HttpTransport } from "./http";
import { Redactor } from "./redaction";

/** The target cannot be tested as given: one message naming the problem and the fix. */
export class TargetError extends Error {
  override name = "TargetError";
}

export interface Session {
  token: string;
  expires?: string;
}

/** A login answer is a few hundred bytes; a megabyte is something else entirely. */
const MAX_LOGIN_ANSWER_BYTES = 1024 * 1024;

/**
 * One login for the whole run (POST api/2.0/authentication.json). A failed login stops the run at
 * once: retrying would walk into the server's brute-force lock-out (5 failures per 60 s per login+IP).
 */
export async function login(
  http: HttpTransport,
  baseUrl: string,
  user: string,
  password: string,
  timeoutMs: number,
): Promise<Session> {
  const url = new URL("api/2.0/authentication.json", baseUrl).href;
  let response: HttpResponse;
  try {
    response = await http.send({
      method: "POST",
      url,
      body: JSON.stringify({ userName: user, password }),
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      timeoutMs,
      maxBodyBytes: MAX_LOGIN_ANSWER_BYTES,
    });
  } catch (error) {
    throw new TargetError(`Cannot reach ${baseUrl}: ${describeTransportError(error as Error, timeoutMs)}.`);
  }
  // What the deployment says may echo the login (a debug build, a proxy): the password is redacted from it.
  const secrets = new Redactor();
  secrets.add(password, user);
  const { status, headers } = response;
  const text = response.body.toString("utf8");
  if (response.tooLarge) {
    throw new TargetError(
      `${url} answered more than ${MAX_LOGIN_ANSWER_BYTES} bytes to a login (status ${status}): this is not the API. Check WORKSPACE_URL.`,
    );
  }
  if (status >= 300 && status < 400) {
    throw new TargetError(
      `Logging in to ${baseUrl} was redirected (${status} to ${secrets.redact(headers.location ?? "?")}): this is not the API. Check WORKSPACE_URL (the portal root) and any proxy or SSO in front of it.`,
    );
  }
  // The login is the suite's own step, not a check: a mislabelled body is still read.
  const body = readLeniently(headers["content-type"], text) as
    | { response?: { token?: unknown; expires?: unknown } }
    | undefined;
  // An API envelope labelled text/html breaks the format rules (the format checks say so); it is no login page.
  const isEnvelope = !!body && typeof body === "object" && ("response" in body || "statusCode" in body);
  const looksHtml = /text\/html/i.test(headers["content-type"] ?? "") || /^\s*<(!doctype|html)/i.test(text);
  if (looksHtml && !isEnvelope) {
    throw new TargetError(
      `${url} answered an HTML page (status ${status}), not the API: WORKSPACE_URL may point at a login page, a proxy or another site.`,
    );
  }
  if (status === 404) {
    throw new TargetError(
      `${url} answered 404: there is no Workspace API at ${baseUrl}. Check WORKSPACE_URL.`,
    );
  }
  if (status < 200 || status > 299) {
    throw new TargetError(
      `Login as "${user}" failed (status ${status}): check WORKSPACE_USER and WORKSPACE_PASSWORD. The suite tries only once, to stay clear of the brute-force lock-out.`,
    );
  }
  const token = body?.response?.token;
  if (!body) {
    const parsed = parseBody(formatOfContentType(headers["content-type"]) ?? "json", text);
    throw new TargetError(
      `Login to ${url} succeeded (status ${status}) but its answer cannot be read: ${parsed.ok ? "it holds no envelope" : secrets.redact(parsed.why)}.`,
    );
  }
  if (typeof token !== "string" || !token) {
    throw new TargetError(
      `Login to ${url} succeeded (status ${status}) but no token came back (no response.token); two-factor authentication may be on for this account.`,
    );
  }
  const expires = typeof body?.response?.expires === "string" ? body.response.expires : undefined;
  return { token, expires };
}
