import type { Operation } from "../contract/contract";
import type { RequestSpec } from "../http/client";
import { readLeniently } from "../http/formats";
import type { Check, CheckContext, Original, ReadResponse, Verdict } from "./check";
import { describeResponse } from "./check";
import { AS_JSON, successRequest } from "./requests";
import { selectPath } from "./select-path";

/**
 * Settings-like writes (issue 23, item 3): a write whose record is the portal or a user's settings
 * (`restore:` in specs/*.yaml). Before its first request, its current value is read and the request
 * that sends it back is ledgered like an undo (undone in reverse order at the end of the test, or by
 * global teardown after a failure or Ctrl-C); the write's round trip reads it back (`readBack`,
 * write.reflects-update); this check sends the original back and reads that it is there again.
 */

/**
 * The value at `path` in `value`: selectPath's `a.b`, `[0]`, a list's item by a member's value
 * (`[webItemId=e67be73d-...]`, case-insensitive), and a list's items with some members only, as a
 * write takes them back (`[]{ip,forAdmin}`: a read answers each with an id the write does not take);
 * `""` is the whole value.
 */
export function pick(value: unknown, path: string): unknown {
  if (path === "") return value;
  const projection = /^(.*)\[\]\{([\w,]+)\}$/.exec(path);
  if (projection) {
    const list = pick(value, projection[1]);
    const members = projection[2].split(",");
    if (!Array.isArray(list)) return undefined;
    return list.map((item) => Object.fromEntries(members.map((name) => [name, pick(item, name) ?? null])));
  }
  const filter = /\[([^=\]]+)=([^\]]*)\]/;
  const found = filter.exec(path);
  if (!found) return selectPath(value, path);
  const list = found.index ? pick(value, path.slice(0, found.index)) : value;
  const [, member, wanted] = found;
  const item = Array.isArray(list)
    ? list.find((entry) => String(selectPath(entry, member)).toLowerCase() === wanted.toLowerCase())
    : undefined;
  const rest = path.slice(found.index + found[0].length).replace(/^\./, "");
  return item === undefined ? undefined : pick(item, rest);
}

/** Members whose name says they hold a secret: never printed, though sent back as read. */
const SECRET_MEMBER = /pass|secret|token|private|key$/i;

/** The restore as a person would send it by hand, secrets hidden: `PUT api/2.0/... {"show":true}`. */
export function handBack(original: Original): string {
  const shown = JSON.stringify(original.body, (name, value) =>
    name && SECRET_MEMBER.test(name) && value ? "(hidden: set it as it was)" : value,
  );
  return `${original.spec.method} ${original.spec.path} with the body ${shown}`;
}

function readOperation(op: Operation, ctx: Pick<CheckContext, "sibling">): Operation {
  const read = op.restore && ctx.sibling(op, op.restore.read);
  if (!read) throw new Error(`${op.key}: the contract has no operation to read its current value with`);
  return read;
}

/** The setting as its read answers it now, by the restore's members. */
async function currentValue(
  op: Operation,
  ctx: Pick<CheckContext, "perform" | "sibling">,
  values: Record<string, string>,
): Promise<{ body: Record<string, unknown> } | { read: ReadResponse }> {
  const read = await ctx.perform(readOperation(op, ctx), { ...AS_JSON, values });
  // Read leniently, as an undo is: a mislabelled answer (the format checks' business) still says
  // what to set back.
  const body = read.exchange.response && readLeniently(read.contentType, read.exchange.response.body);
  const value = read.value ?? body;
  if (read.status !== 200 || value === undefined) return { read };
  const answer = (value as { response?: unknown }).response;
  const members = Object.entries(op.restore?.body ?? {});
  return { body: Object.fromEntries(members.map(([name, path]) => [name, pick(answer, path) ?? null])) };
}

/**
 * Reads the setting before the write changes it (OperationRunner, before the operation's first
 * write): what it gives is what the restore sends back. A setting that cannot be read is not written.
 */
export async function readOriginal(
  op: Operation,
  ctx: Pick<CheckContext, "perform" | "sibling">,
  values: Record<string, string>,
): Promise<Original> {
  const current = await currentValue(op, ctx, values);
  if ("read" in current)
    throw new Error(
      `${op.key} is not written: its current value could not be read to set it back (${op.restore?.read}: ${describeResponse(current.read)})`,
    );
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name]));
  const query = Object.fromEntries(
    Object.entries(op.query).map(([name, v]) => [
      name,
      typeof v === "string" ? v.replace(/\{([^}]+)\}/g, (_, p: string) => values[p]) : v,
    ]),
  );
  const spec: RequestSpec = {
    method: op.method,
    path: `${path}.json`,
    query,
    headers: { Accept: "application/json" },
    body: { kind: "json", data: current.body },
  };
  return { body: current.body, spec };
}

/** The ledger's words for a restore: what it sets back, and how, should it fail. */
export const restoreWhat = (op: Operation, original: Original) =>
  `the setting ${op.key} (set it back by hand: ${handBack(original)})`;

const differing = (was: Record<string, unknown>, now: Record<string, unknown>) =>
  Object.keys(was).filter((name) => JSON.stringify(was[name]) !== JSON.stringify(now[name]));

export const restoreChecks: Check[] = [
  {
    family: "write",
    name: "restored",
    rule: "A setting a request changed can be set back: the same request with the value read before answers success, and the setting reads as it was.",
    appliesTo: (op) => op.restore !== undefined,
    async run(op, ctx): Promise<Verdict> {
      const write = await ctx.perform(op, successRequest(op));
      const original = write.original;
      if (!original || write.status === undefined || write.status >= 300) {
        const why = `the ${op.method} itself did not succeed, so there is nothing to set back`;
        return {
          passed: false,
          inconclusive: true,
          expected: "a successful write",
          given: describeResponse(write),
          why,
        };
      }
      const expected = {
        request: `${original.spec.method} ${original.spec.path}`,
        settingAsItWas: original.body,
      };
      const sent = await ctx.send(original.spec);
      const status = sent.response?.status;
      if (status === undefined || status >= 300) {
        const given = sent.error ?? `status ${status}`;
        const why = `the restore was not carried out (${given}); set it back by hand: ${handBack(original)}`;
        return { passed: false, expected, given, why };
      }
      const now = await currentValue(op, ctx, write.values ?? {});
      if ("read" in now) {
        const why = `after the restore, ${op.restore?.read} could not be read (${describeResponse(now.read)}); check by hand that it was set back: ${handBack(original)}`;
        return { passed: false, expected, given: describeResponse(now.read), why };
      }
      const changed = differing(original.body, now.body);
      if (!changed.length)
        return { passed: true, expected, given: { status }, why: "set back, and read back as it was" };
      const given = Object.fromEntries(changed.map((name) => [name, now.body[name]]));
      const why = `after the restore (${status}), the setting still differs in ${changed.join(", ")}; set it back by hand: ${handBack(original)}`;
      return { passed: false, expected, given, why };
    },
  },
];
