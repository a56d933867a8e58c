import { parseSwitches, type Switches } from "../switches";
import { AUTH_FAULTS } from "./auth";
import { BODY_FAULTS } from "./bodies";
import { FORMAT_FAULTS } from "./format";
import { NOT_FOUND_FAULTS } from "./not-found";
import { PARITY_FAULTS } from "./parity";
import { RATE_LIMIT_FAULTS } from "./rate-limit";
import { SCHEMA_FAULTS } from "./schema";
import { STATUS_FAULTS } from "./status";
import { WRITE_FAULTS } from "./writes";

/**
 * Every fault breaks exactly one documented rule. Each family file keeps the faults beside the
 * rule they break and names the one place the rule is implemented, where the hook sits.
 * To add a family: write `faults/<rule>.ts` and spread it here.
 */
export const FAULTS = {
  ...FORMAT_FAULTS,
  ...PARITY_FAULTS,
  ...STATUS_FAULTS,
  ...NOT_FOUND_FAULTS,
  ...SCHEMA_FAULTS,
  ...BODY_FAULTS,
  ...RATE_LIMIT_FAULTS,
  ...AUTH_FAULTS,
  ...WRITE_FAULTS,
} as const;

export type FaultName = keyof typeof FAULTS;
export type ActiveFaults = Switches<FaultName>;

export function parseFaults(names?: readonly string[]): ActiveFaults {
  return parseSwitches<FaultName>("fault", FAULTS, names);
}
