/**
 * Response shapes: every object carries its documented members with their documented types.
 * Hooked in wrappers/person.ts and wire/envelope.ts.
 */
export const SCHEMA_FAULTS = {
  "person-missing-display-name": "A person object must carry displayName; this omits it (both formats).",
  "envelope-status-as-string":
    'The success envelope\'s status must be the integer 0; this sends the string "ok".',
} as const;
