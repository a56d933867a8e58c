/**
 * Success status codes (basic concepts): a request that creates a record answers 201 Created; any
 * other successful operation (query, delete, update) answers 200. Hooked in wire/status.ts.
 */
export const STATUS_FAULTS = {
  "create-returns-200": "A request that creates a record must answer 201 Created; this answers 200.",
  "delete-returns-204":
    "A successful delete must answer 200 with the envelope; this answers 204 with no body.",
} as const;
