/**
 * For every fault of the reference: the checks (family.check) named for the rule it breaks, which
 * must catch it, and the checks that may fail with it because they read through the same broken
 * rule (a .json read cannot be schema-checked as JSON when .json is ignored). Any other failure is
 * a false alarm and fails the self-test.
 */
export interface FaultExpectation {
  caughtBy: string[];
  collateral?: string[];
}

const readsThroughJson = [
  "schema.json",
  "parity.xml-matches-json",
  "not-found.error-envelope",
  "request-body.json",
  "request-body.form",
];
const readsThroughXml = ["schema.xml", "parity.xml-matches-json", "not-found.error-envelope"];

export const FAULT_EXPECTATIONS: Record<string, FaultExpectation> = {
  "json-by-default": { caughtBy: ["format.default-is-xml"], collateral: ["not-found.error-envelope"] },
  "json-suffix-ignored": { caughtBy: ["format.json-suffix"], collateral: readsThroughJson },
  "xml-suffix-ignored": { caughtBy: ["format.xml-suffix"], collateral: readsThroughXml },
  "accept-ignored": { caughtBy: ["format.accept-json", "format.accept-q-values"] },
  "accept-q-values-ignored": { caughtBy: ["format.accept-q-values"] },
  "wrong-json-content-type": {
    caughtBy: ["format.json-suffix", "format.accept-json"],
    collateral: [...readsThroughJson, "format.accept-q-values"],
  },
  "malformed-xml": {
    caughtBy: ["format.default-is-xml", "format.xml-suffix", "format.accept-xml"],
    collateral: readsThroughXml,
  },
  "xml-json-disagree": { caughtBy: ["parity.xml-matches-json"] },
  "create-returns-200": { caughtBy: ["status.success"] },
  "not-found-returns-200": { caughtBy: ["not-found.status-404", "not-found.error-envelope"] },
  "not-found-returns-500": { caughtBy: ["not-found.status-404", "not-found.error-envelope"] },
  "not-found-without-envelope": { caughtBy: ["not-found.error-envelope"] },
  "person-missing-display-name": { caughtBy: ["schema.json", "schema.xml"] },
  "envelope-status-as-string": { caughtBy: ["schema.json", "schema.xml"] },
  "form-body-ignored": { caughtBy: ["request-body.form"] },
  // Records for update and delete checks are made with a JSON body, so those fail along with it.
  "json-body-ignored": {
    caughtBy: ["request-body.json"],
    collateral: ["status.success", "schema.json", "schema.xml", "request-body.form"],
  },
  "delete-returns-204": { caughtBy: ["status.success"], collateral: ["schema.json", "schema.xml"] },
};
