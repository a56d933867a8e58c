import { randomBytes } from "node:crypto";
import { alteredToken } from "../run/run-client";

/** What a case needs to build its Authorization value: the run's token and account name. */
export interface Caller {
  token: string;
  user: string;
}

/** One way a caller can fail to authenticate: the Authorization value it sends (null: no header). */
export interface RefusalCase {
  name: string;
  /** What is sent, in words, for the rule and the report. */
  sends: string;
  authorization(caller: Caller): string | null;
}

/** An obviously wrong password: never the real one, so a failure never risks the real account. */
export const WRONG_PASSWORD = "wc-deliberately-wrong-password";

/** A fresh random token of the real one's length and alphabet (base64url): well-formed, unknown. */
export function unknownToken(token: string): string {
  return randomBytes(token.length).toString("base64url").slice(0, token.length);
}

export function basicCredentials(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

/**
 * The seven ways of the auth matrix (workspace-api-facts.md §4): the server tries the raw header
 * as a token, then `Basic`, then `Bearer` (ASC.Specific/ASC*Authorization.cs); each of these fails
 * all three and must answer 401.
 */
export const REFUSAL_CASES: RefusalCase[] = [
  { name: "no-header", sends: "no Authorization header", authorization: () => null },
  { name: "empty-header", sends: "an empty Authorization header", authorization: () => "" },
  {
    name: "malformed-header",
    sends: "a malformed Authorization value",
    authorization: () => "wc:not/a=token; really",
  },
  {
    name: "unknown-token",
    sends: "a well-formed token the server never issued",
    authorization: ({ token }) => unknownToken(token),
  },
  {
    name: "altered-token",
    sends: "the run's token with one character changed",
    authorization: ({ token }) => alteredToken(token),
  },
  {
    // Basic goes through SecurityContext.AuthenticateMe, not the login's BruteForceLoginManager
    // (ASC.Specific/ASCBasicAuthorization.cs), so it does not count towards the lock-out.
    name: "basic-wrong-password",
    sends: "Basic credentials of the run's account with a wrong password",
    authorization: ({ user }) => basicCredentials(user, WRONG_PASSWORD),
  },
  {
    name: "unknown-scheme",
    sends: "the run's token under an unsupported scheme (Digest)",
    authorization: ({ token }) => `Digest ${token}`,
  },
];
