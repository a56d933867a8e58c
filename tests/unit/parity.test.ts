import assert from "node:assert/strict";
import { test } from "node:test";
import { differences, normalise } from "../../helpers/checks/parity";

test("empty arrays, empty strings and null compare equal across formats", () => {
  assert.deepEqual(differences(normalise({ a: [], b: "", c: null, d: 1 }), normalise({ b: null, d: 1 })), []);
});

test("a differing field is named by its path", () => {
  assert.deepEqual(
    differences(normalise([{ name: "a" }, { name: "b" }]), normalise([{ name: "a" }, { name: "c" }])),
    ["response[1].name"],
  );
});

test("key order does not matter", () => {
  assert.deepEqual(differences({ a: 1, b: 2 }, { b: 2, a: 1 }), []);
});
