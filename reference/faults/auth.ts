/**
 * Authentication (basic concepts, "Passing authentication"; workspace-api-facts.md §4): a login
 * (`POST authentication`) answers 201 with a token and when it expires; every other request but the
 * anonymous ones carries that token, and without valid credentials answers 401. Hooked in
 * auth/authenticate.ts (which credentials count), handle-request.ts (the refusal), wire/status.ts
 * and routes/authentication.ts (the login).
 */
export const AUTH_FAULTS = {
  "auth-not-enforced":
    "GET people/@self must need authentication; this answers it without credentials, as the administrator.",
  "any-token-accepted":
    "Only a token the server issued authenticates; this accepts any non-empty token (raw or Bearer) as the administrator.",
  "missing-credentials-403": "A request without credentials must answer 401; this answers 403.",
  "login-returns-200": "A successful login must answer 201 Created, like every POST; this answers 200.",
  "token-expires-in-past":
    "A login's `expires` must lie in the future; this one lies an hour in the past (the token still works).",
} as const;
