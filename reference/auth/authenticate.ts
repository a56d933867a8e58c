import type { IncomingHttpHeaders } from "node:http";
import type { ActiveFaults } from "../faults";
import type { Store, User } from "../store/model";
import { findUserByLogin } from "../store/queries";
import { SEED } from "../store/seed";
import { userForToken } from "./sessions";

export const AUTH_COOKIE = "asc_auth_key";

export interface Authentication {
  user?: User;
  /** Whether the request carried an Authorization header (a 401 then names the scheme). */
  authorizationSent: boolean;
}

export function checkPassword(store: Store, login: string, password: string): User | undefined {
  const user = findUserByLogin(store, login);
  return user?.password !== undefined && user.password === password ? user : undefined;
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
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(credentials, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon < 0 ? undefined : checkPassword(store, decoded.slice(0, colon), decoded.slice(colon + 1));
  }
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
