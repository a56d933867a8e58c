/**
 * Documented GETs that change the deployment (issue 13's list), with what each does: the drafter
 * gives them `effects:`, and tests/unit/effects.test.ts holds the contract to it, so a read-only
 * run counts them as writes.
 */
export const SIDE_EFFECT_GETS: Record<string, string> = {
  "crm/invoice/{invoiceid}/pdf": "generates and stores the invoice's PDF file",
  "calendar/calendars/{startDate}/{endDate}": "creates the user's default calendar on first call",
  "files/file/{fileId}/trackeditfile": "marks the file as being edited",
  "files/file/{fileId}/openedit": "opens the file for editing",
  "mail/filters/{id}/apply": "applies the filter to the mailbox's messages",
  "project/task/{taskid}/notify": "notifies the task's responsible people",
  "settings/ldap/sync": "starts an LDAP synchronisation",
  "settings/ldap/sync/test": "starts a test LDAP synchronisation",
  "settings/recalculatequota": "starts recalculating the portal's quota",
  "settings/recalculateuserquota": "starts recalculating the users' quotas",
  "settings/smtp/test": "sends a test email",
};
