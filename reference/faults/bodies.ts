/**
 * Request bodies (basic concepts): requests may be sent as application/json or
 * application/x-www-form-urlencoded. Hooked in http/request-body.ts.
 */
export const BODY_FAULTS = {
  "form-body-ignored":
    "An application/x-www-form-urlencoded body must be read; this ignores it (on resources; the login still reads it).",
  "json-body-ignored":
    "An application/json body must be read; this ignores it (on resources; the login still reads it).",
} as const;
