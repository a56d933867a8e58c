import type { Check, Verdict } from "./check";
import { describeResponse } from "./check";
import { successRequest } from "./requests";

/** Creations answer 201, any other success 200 (basic concepts, "Making requests"). */
export const statusChecks: Check[] = [
  {
    family: "status",
    name: "success",
    rule: "A request that succeeds answers 201 Created when it creates a record, else 200.",
    appliesTo: () => true,
    async run(op, ctx): Promise<Verdict> {
      const read = await ctx.perform(op, successRequest(op));
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
  },
];
