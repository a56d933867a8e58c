import assert from "node:assert/strict";
import { test } from "node:test";
import type { Operation } from "../../helpers/contract/contract";
import { contractIndex } from "../../helpers/contract/loader";
import { leftoverSources } from "../../helpers/run/leftovers";

test("npm run sweep finds every kind of record the contract creates: by its list, or through its parent's", () => {
  const operations = [...contractIndex().values()];
  const { sources, unsweepable } = leftoverSources(operations);
  assert.deepEqual(unsweepable, [], "each create needs a listedIn without placeholders and a {unique} name");
  const sweepable = new Set(sources.map((s) => s.kind));
  const creates = operations.filter((op) => op.creates && op.undo);
  assert.ok(creates.length >= 8, `${creates.length} creates`);
  for (const op of creates) {
    // A child (a post's comment) goes with its parent, which must itself be found.
    const parent = Object.values(op.params).find((p) => "created" in p);
    const kind = parent && "created" in parent ? `${op.section}.${parent.created}` : op.key;
    assert.ok(sweepable.has(kind), `${op.key}: ${kind} is not found by the sweep`);
  }
});

test("a create the sweep cannot find is named with why", () => {
  const base = [...contractIndex().values()].find((op) => op.key === "group.create") as Operation;
  const list = contractIndex().get("group.list") as Operation;
  const remove = contractIndex().get("group.delete") as Operation;
  const unnamed = { ...base, key: "group.unnamed", reflects: { name: "fixed" } };
  const unlisted = { ...base, key: "group.unlisted", listedIn: undefined };
  const { sources, unsweepable } = leftoverSources([base, list, remove, unnamed, unlisted]);
  assert.deepEqual(
    sources.map((s) => [s.kind, s.list.key, s.names, s.remove.key, s.removeParams]),
    [["group.create", "group.list", ["name"], "group.delete", { groupid: "id" }]],
  );
  assert.deepEqual(unsweepable, [
    { kind: "group.unnamed", why: "no reflects member starts with {unique}: its name cannot be recognised" },
    { kind: "group.unlisted", why: "no listedIn: no list shows it" },
  ]);
});
