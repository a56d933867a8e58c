import type { IncomingMessage, ServerResponse } from "node:http";
import { type Authentication, authenticate } from "./auth/authenticate";
import type { ActiveFaults } from "./faults";
import { routeSchema } from "./generic/schema-files";
import { type ApiPath, parseApiPath } from "./http/api-path";
import { ApiError, forbidden } from "./http/errors";
import { logFailure } from "./http/log";
import { negotiateFormat } from "./http/negotiate";
import { Params, searchParamsSource } from "./http/params";
import { parseRequestBody, readBody } from "./http/request-body";
import { type Reply, sendEnvelope, sendError, sendNoContent, sendPlain } from "./http/respond";
import type { RouteMatch } from "./http/router";
import type { Instance } from "./instance";
import { disabledModule, moduleOfSegments, sendMissingModulePage } from "./module-switches";
import type { HandlerRequest } from "./routes/route";
import type { User } from "./store/model";
import { SEED } from "./store/seed";
import { successEnvelope } from "./wire/envelope";
import { nonNegativeInteger, pageList } from "./wire/paging";
import { successStatus } from "./wire/status";

/** The refusal of a caller who is not signed in, or undefined for one who is. */
function refusal(auth: Authentication, faults: ActiveFaults): ApiError | undefined {
  try {
    signedIn(auth, faults);
    return undefined;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}

function signedIn(auth: Authentication, faults: ActiveFaults): User {
  if (auth.user) return auth.user;
  if (!auth.authorizationSent && faults.has("missing-credentials-403")) throw forbidden();
  const challenge: Record<string, string> = auth.authorizationSent
    ? { "WWW-Authenticate": 'Basic realm="reference"' }
    : {};
  throw new ApiError(401, "Unauthorized", challenge);
}

/** Fault auth-not-enforced: `GET people/@self` answers a caller without any credentials as the admin. */
function withoutCredentialsOnSelf(
  auth: Authentication,
  match: RouteMatch,
  instance: Instance,
): Authentication {
  if (auth.user || auth.authorizationSent || !instance.faults.has("auth-not-enforced")) return auth;
  if (match.kind !== "found" || match.route.method !== "GET" || match.route.path !== "people/@self")
    return auth;
  return { ...auth, user: instance.store.users.get(SEED.users.administrator) };
}

/**
 * One API request: route, authenticate, rate-limit (keyed by IP and account, so after
 * authentication), refuse unknown routes and anonymous callers, read the body, run the handler.
 */
async function dispatch(
  instance: Instance,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  apiPath: ApiPath,
  reply: Reply,
) {
  const { store, faults } = instance;
  const now = new Date();
  const match = instance.router.match(request.method ?? "", apiPath.segments);
  const anonymousRoute = match.kind === "found" && match.route.anonymous;
  const auth: Authentication = anonymousRoute
    ? { authorizationSent: false }
    : withoutCredentialsOnSelf(authenticate(store, request.headers, now, faults), match, instance);

  const account = auth.user?.id ?? "anonymous";
  const admission = instance.limiter.admit(request.socket.remoteAddress ?? "", account, now.getTime());
  if (!admission.admitted) throw instance.limiter.refusal(admission);
  if (match.kind === "none") throw new ApiError(404, "Method not found");
  if (match.kind === "wrong-method")
    throw new ApiError(405, "Method not allowed", { Allow: match.allowed.join(", ") });
  const { route } = match;
  const refused = route.anonymous ? undefined : refusal(auth, faults); // 401 before reading any body
  if (refused && !(faults.has("refused-write-kept") && route.method !== "GET")) throw refused;
  if (instance.modules.disabled.has(moduleOfSegments(apiPath.segments))) throw disabledModule();

  const body = parseRequestBody(
    await readBody(request, instance.maxBodyBytes),
    request.headers,
    faults,
    !route.anonymous,
  );
  const host = request.headers.host ?? `${request.socket.localAddress}:${request.socket.localPort}`;
  const handlerRequest: HandlerRequest = {
    store,
    faults,
    now,
    host,
    portalUrl: `http://${host}${instance.prefix}/`,
    params: new Params([match.values, searchParamsSource(url.searchParams), body.params]),
    uploads: body.uploads,
  };
  if (refused) {
    // Fault refused-write-kept: the write is carried out as the administrator, then refused.
    const administrator = store.users.get(SEED.users.administrator) as User;
    try {
      if (!route.anonymous) route.handle({ ...handlerRequest, user: administrator });
    } catch {
      // Whatever the write made of it, the refusal answers.
    }
    throw refused;
  }
  const result = route.anonymous
    ? route.handle(handlerRequest)
    : route.handle({ ...handlerRequest, user: signedIn(auth, faults) });

  const status = successStatus(result.outcome, faults);
  if (status === 204) return sendNoContent(response, result.headers);
  const listed = Array.isArray(result.response) ? pageList(result.response, url.searchParams) : undefined;
  const envelope = successEnvelope(
    status,
    listed?.page ?? result.response,
    listed?.paging ?? { startIndex: reply.startIndex },
    faults,
    result.count,
  );
  // The sparse variant reads this: reads only, since a write answers the record with what it was just
  // sent and a sign-in the token it is for, never sparse on the server.
  const schema =
    route.method === "GET" && !result.asWritten ? routeSchema(route.method, route.path) : undefined;
  sendEnvelope(response, status, envelope, { ...reply, schema }, result.headers);
}

function requestUrl(target: string): URL | undefined {
  try {
    // Prefixing the origin keeps a path like "//x" from being read as a host.
    return new URL(target.startsWith("/") ? `http://reference.invalid${target}` : target);
  } catch {
    return undefined;
  }
}

/** Never throws: every failure becomes an error envelope, unexpected ones a logged 500. */
export async function handleRequest(instance: Instance, request: IncomingMessage, response: ServerResponse) {
  const url = requestUrl(request.url ?? "/");
  if (!url) return sendPlain(response, 400, "Bad Request");
  const apiPath = parseApiPath(url.pathname, instance.prefix);
  if (!apiPath) return sendPlain(response, 404, "Not Found");
  // A module that is not installed has no routes: the API never sees the request.
  if (instance.modules.removed.has(moduleOfSegments(apiPath.segments)))
    return sendMissingModulePage(response, url.pathname);
  const reply: Reply = {
    format: negotiateFormat(apiPath.suffix, request.headers.accept, instance.faults),
    faults: instance.faults,
    variants: instance.variants,
    startIndex: nonNegativeInteger(url.searchParams.get("startIndex")) ?? 0,
  };
  try {
    await dispatch(instance, request, response, url, apiPath, reply);
  } catch (error) {
    if (response.headersSent) return void response.end();
    if (error instanceof ApiError) return sendError(response, error, reply);
    const reason = error instanceof Error ? error.message : String(error);
    logFailure(request, reason);
    sendError(response, new ApiError(500, "Internal server error"), reply);
  }
}
