import { forbidden, RecordNotFoundError } from "../http/errors";
import type { HandlerRequest } from "../routes/route";
import { SEED } from "../store/seed";
import type { JsonValue } from "../wire/json-value";
import { personSummary } from "../wrappers/person";
import type { ModuleData } from "./module-data";
import type { Prng } from "./prng";
import type { ModuleRecords, RecordEntry } from "./records";
import type { Synthesis } from "./synthesize";

/** What the reads and the writes of a module served from data share: finding records, rendering them. */

const SEEDED_USERS = Object.values(SEED.users).sort();

/** The records the placeholders of `ids` name; an unknown one answers 404 (403 under its collection's fault). */
export function findRecords(
  data: ModuleData,
  records: ModuleRecords,
  ids: Record<string, string>,
  request: HandlerRequest,
  skipsUnknown = false,
): Map<string, RecordEntry> {
  const found = new Map<string, RecordEntry>();
  for (const [placeholder, collection] of Object.entries(ids)) {
    const entry = records.entry(collection, request.params.required(placeholder), request.store);
    if (entry === undefined && skipsUnknown) continue;
    if (entry === undefined) {
      const forbiddenUnder = data.collections[collection]?.forbiddenUnder;
      if (forbiddenUnder && request.faults.has(forbiddenUnder.fault)) throw forbidden(forbiddenUnder.message);
      throw new RecordNotFoundError(`${collection} not found`);
    }
    found.set(placeholder, entry);
  }
  return found;
}

/** What every answer of the module is synthesized with: its values, the seeded users, nested lists. */
export function synthesisBase(
  data: ModuleData,
  records: ModuleRecords,
  request: HandlerRequest,
  values: Record<string, readonly JsonValue[]>,
): Omit<Synthesis, "rng"> {
  // Seeded users only: users a run creates must not change the answers between two reads.
  const users = SEEDED_USERS.flatMap((id) => request.store.users.get(id) ?? []);
  const base: Omit<Synthesis, "rng"> = {
    values,
    person: (rng: Prng) => personSummary(rng.pick(users), request),
    nested: (name, item) => {
      const collection = data.nested?.[name];
      if (!collection) return undefined;
      return records
        .entries(collection, request.store)
        .map((entry) => records.render(collection, entry, item, base));
    },
  };
  return base;
}

/** A route's constraints (`{ id: "[0-9]+" }`) as the router matches them: whole value, any case. */
export function routeConstraints(constraints: Record<string, string> = {}): Record<string, RegExp> {
  return Object.fromEntries(
    Object.entries(constraints).map(([name, pattern]) => [
      name.toLowerCase(),
      new RegExp(`^(?:${pattern})$`, "i"),
    ]),
  );
}
