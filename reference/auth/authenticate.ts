import type { IncomingHttpHeaders } from "node:http";
import type { ActiveFaults } from "../faults";
import type { Store, User } from "../store/model";
import { findUser, findUserByEmail } from "../store/queries";
import { SEED } from "../store/seed";
import { userForToken } from "./sessions";

export const AUTH_COOKIE = "asc_auth_key";

export interface Authentication {
  user?: User;
  /** Whether the request carried an Authorization header (a 401 then names the scheme). */
  authorizationSent: boolean;
}

export function checkPassword(user: User | undefined, password: string): User | undefined {
  return user?.password !== undefined && user.password === password ? user : undefined;
}

/** Base64 as RFC 4648 writes it: the alphabet only, padded to a multiple of 4. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * `Basic base64(user:password)`, decoded strictly: anything but well-formed base64 authenticates no
 * one. The user is looked up by email, userName, then id, as the real server's Basic handler does
 * (workspace-api-facts.md §4, `ASCBasicAuthorization.cs`).
 */
function userForBasic(store: Store, credentials: string): User | undefined {
  if (!credentials || !BASE64.test(credentials)) return undefined;
  const decoded = Buffer.from(credentials, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  const login = decoded.slice(0, colon);
  const user = findUserByEmail(store, login) ?? findUser(store, login);
  return checkPassword(user, decoded.slice(colon + 1));
}

function cookieToken(header: string | undefined): string | undefined {
  for (const pair of (header ?? "").split(";")) {
    const [name, ...value] = pair.trim().split("=");
    if (name === AUTH_COOKIE) return value.join("=");
  }
  return undefined;
}

/** A token: one this instance issued, or (fault any-token-accepted) anything non-empty, as the admin. */
function userForTokenText(store: Store, token: string, now: Date, faults: ActiveFaults): User | undefined {
  const user = userForToken(store, token, now);
  if (user || !token || !faults.has("any-token-accepted")) return user;
  return store.users.get(SEED.users.administrator);
}

function userForAuthorization(
  store: Store,
  header: string,
  now: Date,
  faults: ActiveFaults,
): User | undefined {
  const [scheme = "", ...rest] = header.split(" ");
  const credentials = rest.join(" ").trim();
  if (/^basic$/i.test(scheme)) return userForBasic(store, credentials);
  if (/^bearer$/i.test(scheme)) return userForTokenText(store, credentials, now, faults);
  return userForTokenText(store, header, now, faults); // the raw token, as the docs show it
}

/** Accepts the asc_auth_key cookie, then `Authorization: <token>`, `Bearer <token>` or `Basic …`. */
export function authenticate(
  store: Store,
  headers: IncomingHttpHeaders,
  now: Date,
  faults: ActiveFaults,
): Authentication {
  const authorization = headers.authorization?.trim();
  const token = cookieToken(headers.cookie);
  const fromCookie = token ? userForToken(store, token, now) : undefined;
  return {
    user: fromCookie ?? (authorization ? userForAuthorization(store, authorization, now, faults) : undefined),
    authorizationSent: headers.authorization !== undefined,
  };
}
