import assert from "node:assert/strict";
import { test } from "node:test";
import type { Operation } from "../../helpers/contract/contract";
import { contractIndex } from "../../helpers/contract/loader";
import { leftoverSources } from "../../helpers/run/leftovers";

const CALENDARS_LISTED_WITH_EFFECTS =
  "calendars (and their events) are listed only by GET calendar/calendars/{startDate}/{endDate}, which makes the caller's default calendar on first call (its effects:), so no sweep sends it";

const QUICK_CREATE =
  "a quick create answers a list of the contacts it made; the same contacts are found as persons and companies (crm.create-person, crm.create-company)";
const TAG_BY_NAME = "a tag is a bare name (its create answers the string), listed by no read as a record";

/**
 * The kinds no list can find, each with why: the run's ledger removes them, and a killed run's ledger
 * file names them (docs/staging.md).
 */
const NOT_SWEPT: Record<string, string> = {
  "calendar.create-todo-calendar": CALENDARS_LISTED_WITH_EFFECTS,
  "calendar.create-default-event": CALENDARS_LISTED_WITH_EFFECTS,
  "crm.create-currency-rate": "a rate has no name: a pair and a value, which another rate may share",
  "mail.add-display-images-address": "an address the run trusts is listed as a bare string, not a record",
  "project.create-report-template": "no read of the contract lists report templates",
  "community.upload-wiki-file":
    "no read lists the wiki's files (Wiki/WikiApi.cs reads one file by name only)",
  "crm.create-companies-quick": QUICK_CREATE,
  "crm.create-persons-quick": QUICK_CREATE,
  "crm.create-tag": TAG_BY_NAME,
  "crm.create-case-tag": TAG_BY_NAME,
  "crm.create-opportunity-tag": TAG_BY_NAME,
  "mail.save-draft": "a draft is saved by a PUT (no creation) and listed by no read of the contract",
  "crm.upload-crm-file":
    "a file uploaded to the CRM folder is attached to nothing, and no CRM read lists that folder",
};

test("npm run sweep finds every kind of record the contract creates: by its list, or through its parent's", () => {
  const operations = [...contractIndex().values()];
  const { sources, unsweepable } = leftoverSources(operations);
  assert.deepEqual(
    unsweepable.filter((u) => !NOT_SWEPT[u.kind]),
    [],
    "each create needs a listedIn without placeholders and a {unique} name",
  );
  const sweepable = new Set(sources.map((s) => s.kind));
  const creates = operations.filter((op) => op.creates && op.undo);
  assert.ok(creates.length >= 8, `${creates.length} creates`);
  const byKey = new Map(operations.map((op) => [op.key, op]));
  for (const op of creates) {
    // A child (a post's comment, a project's task's subtask) goes with its topmost parent, which must be found.
    let root = op;
    for (let parent = parentOf(root); parent; parent = parentOf(root))
      root = byKey.get(`${root.section}.${parent}`) ?? root;
    if (NOT_SWEPT[root.key]) continue;
    assert.ok(sweepable.has(root.key), `${op.key}: ${root.key} is not found by the sweep`);
  }
});

/** The create a record is made under (`params: { x: { created } }`), if any. */
function parentOf(op: Operation): string | undefined {
  for (const param of Object.values(op.params)) if ("created" in param) return param.created;
  return undefined;
}

test("a create the sweep cannot find is named with why", () => {
  const base = [...contractIndex().values()].find((op) => op.key === "group.create") as Operation;
  const list = contractIndex().get("group.list") as Operation;
  const remove = contractIndex().get("group.delete") as Operation;
  const unnamed = { ...base, key: "group.unnamed", reflects: { name: "fixed" } };
  const unlisted = { ...base, key: "group.unlisted", listedIn: undefined };
  const { sources, unsweepable } = leftoverSources([base, list, remove, unnamed, unlisted]);
  assert.deepEqual(
    sources.map((s) => [s.kind, s.list.key, s.names, s.remove.map((r) => [r.operation.key, r.params])]),
    [["group.create", "group.list", ["name"], [["group.delete", { groupid: "id" }]]]],
  );
  assert.deepEqual(unsweepable, [
    { kind: "group.unnamed", why: "no reflects member starts with {unique}: its name cannot be recognised" },
    { kind: "group.unlisted", why: "no listedIn: no list shows it" },
  ]);
});
