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

test('XmlNodeConverter\'s equivalences (workspace-api-facts.md §1): [] is no element; null, {} and "" an empty one', () => {
  const json = { files: [], terminated: null, workFrom: {}, title: "", nested: { list: [], empty: {} } };
  for (const xml of [{}, { terminated: null, workFrom: null, title: null }, { nested: null }, undefined])
    assert.deepEqual(differences(normalise(json), normalise(xml)), [], JSON.stringify(xml));
  // The envelope's response itself: [] in JSON, no <response> (or [] where the schema says a list) in XML.
  for (const xml of [undefined, [], null, ""])
    assert.deepEqual(differences(normalise([]), normalise(xml)), []);
});

test("a one-item array is its item alone, where no schema says it is a list (a member of a larger type)", () => {
  const json = { groups: [{ id: "g1", name: "G", manager: "" }], tags: ["a"], none: [null] };
  const xml = { groups: { id: "g1", name: "G", manager: null }, tags: "a", none: null };
  assert.deepEqual(differences(normalise(json), normalise(xml)), []);
  assert.deepEqual(
    differences(normalise({ groups: [{ id: "g1" }, { id: "g2" }] }), normalise({ groups: { id: "g1" } })),
    ["response.groups"],
  );
  assert.deepEqual(differences(normalise({ groups: [{ id: "g1" }] }), normalise({ groups: "g1" })), [
    "response.groups",
  ]);
  // An object is never the same as text that happens to print alike.
  assert.deepEqual(differences({ a: {} }, { a: "[object Object]" }), ["response.a"]);
});

test('whitespace-only text is data: " " differs from ""; line breaks compare as \\n', () => {
  assert.deepEqual(differences(normalise({ title: " " }), normalise({ title: " " })), []);
  assert.deepEqual(differences(normalise({ title: " ", n: 1 }), normalise({ title: "", n: 1 })), [
    "response.title",
  ]);
  assert.deepEqual(differences(normalise({ title: " a " }), normalise({ title: "a" })), ["response.title"]);
  assert.deepEqual(differences(normalise({ text: "a\r\nb\rc" }), normalise({ text: "a\nb\nc" })), []);
});

test("a list empty in XML alone, or a record missing from it, is still a difference", () => {
  assert.deepEqual(differences(normalise({ files: [{ id: 1 }] }), normalise({ files: [] })), ["response"]);
  assert.deepEqual(differences(normalise({ files: [{ id: 1 }], n: 1 }), normalise({ n: 1 })), [
    "response.files",
  ]);
  assert.deepEqual(differences(normalise([{ id: 1 }, { id: 2 }]), normalise([{ id: 1 }])), ["response[1]"]);
});
