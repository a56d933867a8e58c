import { randomBytes } from "node:crypto";
import type { Store, User } from "../store/model";

const SESSION_MS = 24 * 60 * 60 * 1000;

/** A new url-safe token (43 chars) valid for 24 hours, kept in this instance's store only. */
export function openSession(store: Store, user: User, now: Date): { token: string; expires: Date } {
  const token = randomBytes(32).toString("base64url");
  const expires = new Date(now.getTime() + SESSION_MS);
  store.sessions.set(token, { userId: user.id, expires });
  return { token, expires };
}

export function userForToken(store: Store, token: string, now: Date): User | undefined {
  const session = store.sessions.get(token);
  if (!session) return undefined;
  if (session.expires.getTime() <= now.getTime()) {
    store.sessions.delete(token);
    return undefined;
  }
  return store.users.get(session.userId);
}
