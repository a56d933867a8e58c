/**
 * Writes keep what they did (basic concepts: a request that creates a record creates it; an update
 * and a delete are successful operations): a record created is there afterwards, an update shows, a
 * delete removes. Each fault answers as usual and keeps nothing. Hooked in generic/writes.ts, generic/settings.ts and
 * routes/groups.ts; refused-write-kept in handle-request.ts, where a caller without credentials is refused.
 */
export const WRITE_FAULTS = {
  "create-not-stored": "A created record must be there afterwards; this answers it but never stores it.",
  "update-ignored":
    "An updated record must read back changed; this answers the change but keeps the old record.",
  "delete-does-nothing": "A deleted record must be gone; this answers the delete but keeps the record.",
  "restore-ignored":
    "A setting written back must read as it was; this keeps the first value written over the portal's and ignores every later write.",
  "refused-write-kept":
    "A write refused for want of credentials must change nothing; this carries it out as the administrator, then answers 401.",
} as const;
