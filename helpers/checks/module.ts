import type { Section } from "../contract/contract";
import type { ModuleStatus } from "../run/modules";
import type { CheckResult } from "./check";

export const MODULE_RULE =
  'A module of the contract answers through the API: not with the HTML 404 page of a module that is not installed, nor 403 "Forbidden" of one switched off. Only a required module (WORKSPACE_REQUIRED_MODULES) must.';

/**
 * One check per module, on its probe (global setup sent it: helpers/run/modules.ts): passed when the
 * module answered through the API; when it did not, skipped with the reason, or failed when the
 * run requires the module.
 */
export function moduleCheck(section: Section, status: ModuleStatus, required: boolean): CheckResult {
  const operation = status.probe.slice(section.name.length + 1);
  const outcome = status.available ? "passed" : required ? "failed" : "skipped";
  const why = status.available
    ? status.reason
    : required
      ? `module ${section.name} is required but unavailable: ${status.reason}`
      : `module ${section.name} is unavailable: ${status.reason}; its checks are skipped`;
  return {
    id: `${status.probe}/module.available`,
    section: section.name,
    operation,
    family: "module",
    check: "available",
    rule: MODULE_RULE,
    outcome,
    expected: required
      ? "a required module, answering through the API"
      : "the module, answering through the API",
    given: status.reason,
    why,
    exchanges: status.exchange ? [status.exchange] : [],
  };
}
