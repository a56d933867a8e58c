import type { Operation } from "../contract/contract";
import type { Check, Variation, Verdict } from "./check";
import { describeResponse } from "./check";
import { successRequest, WRITE_REQUESTS } from "./requests";

/** Creations answer 201, any other success 200 (basic concepts, "Making requests"). */
function statusCheck(
  name: string,
  rule: string,
  appliesTo: (op: Operation) => boolean,
  request: (op: Operation) => Variation,
): Check {
  return {
    family: "status",
    name,
    rule,
    appliesTo,
    async run(op, ctx): Promise<Verdict> {
      const read = await ctx.perform(op, request(op));
      const given = describeResponse(read);
      const expected = `status ${op.successStatus}`;
      if (read.status === op.successStatus)
        return { passed: true, expected, given, why: `answered ${read.status}` };
      const why =
        read.status === undefined
          ? given
          : op.creates && read.status >= 200 && read.status < 300
            ? `the record was created, but the status is ${read.status}, not 201 Created`
            : `the status is ${read.status}, not ${op.successStatus}`;
      return { passed: false, expected, given, why };
    },
  };
}

const isWrite = (op: Operation) => op.method !== "GET";

export const statusChecks: Check[] = [
  statusCheck(
    "success",
    "A request that succeeds answers 201 Created when it creates a record, else 200.",
    () => true,
    successRequest,
  ),
];

/**
 * A write's status in its other formats (issue 23): its requests in XML and in the default format
 * are those its schema and format checks send, so these cost no request of their own.
 */
export const writeStatusChecks: Check[] = [
  statusCheck(
    "success-xml",
    "A write that succeeds asking for XML (.xml) answers 201 Created when it creates a record, else 200.",
    isWrite,
    () => WRITE_REQUESTS.xml,
  ),
  statusCheck(
    "success-default",
    "A write that succeeds in the default format (no suffix, Accept */*) answers 201 Created when it creates a record, else 200.",
    isWrite,
    () => WRITE_REQUESTS.default,
  ),
];
