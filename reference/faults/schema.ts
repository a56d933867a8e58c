/**
 * Response shapes: every object carries its documented members with their documented types.
 * Hooked in wrappers/person.ts, generic/routes.ts (every operation served from a module's data) and
 * wire/envelope.ts.
 */
export const SCHEMA_FAULTS = {
  "person-missing-display-name": "A person object must carry displayName; this omits it (both formats).",
  "record-missing-required-member":
    "An answer's record must carry every member its schema requires; this omits the first one other than id, title, name and a list, on every operation served from a module's data (both formats).",
  "record-null-where-forbidden":
    "An answer's record must not carry null where its schema forbids it; this sends null for the first required number or true/false member other than the id, on every operation served from a module's data (both formats: an empty element in XML).",
  "envelope-status-as-string":
    'The success envelope\'s status must be the integer 0; this sends the string "ok".',
} as const;
