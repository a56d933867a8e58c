import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ContractError } from "../../helpers/contract";
import { loadContracts } from "../../helpers/contract-loader";

function contractsIn(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "contract-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return () => loadContracts(dir);
}

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    assert.ok(error instanceof ContractError, String(error));
    return error.problems;
  }
  assert.fail("expected a ContractError");
}

test("the contract files of this repository load", () => {
  const sections = loadContracts();
  assert.ok(sections.length >= 5);
  const people = sections.find((s) => s.name === "people");
  assert.equal(people?.operations.find((o) => o.id === "create")?.successStatus, 201);
});

test("a schema violation names the file, line and place", () => {
  const problems = problemsOf(
    contractsIn({
      "bad.yaml": "section: people\noperations:\n  get-self:\n    request: FETCH api/2.0/people/@self\n",
    }),
  );
  assert.equal(problems.length, 1);
  assert.match(problems[0], /bad\.yaml:4:\d+ operations\.get-self\.request: must match pattern/);
});

test("a missing key points at its parent; unknown keys are named", () => {
  const problems = problemsOf(
    contractsIn({
      "bad.yaml": "section: people\noperations:\n  get-self:\n    summary: x\n    colour: red\n",
    }),
  );
  assert.ok(
    problems.some((p) => /bad\.yaml:4:\d+ operations\.get-self\.request: is missing/.test(p)),
    problems.join("\n"),
  );
  assert.ok(
    problems.some((p) => /operations\.get-self\.colour: is not allowed here/.test(p)),
    problems.join("\n"),
  );
});

test("references are checked: placeholders, schemas, undo", () => {
  const problems = problemsOf(
    contractsIn({
      "bad.yaml": [
        "section: people",
        "operations:",
        "  by-id:",
        "    request: GET api/2.0/people/{userid}",
        "    schema: people/nope.json",
        "  create:",
        "    request: POST api/2.0/people",
        "    creates: true",
      ].join("\n"),
    }),
  );
  assert.ok(problems.some((p) => /placeholder \{userid\} has no entry under params/.test(p)));
  assert.ok(problems.some((p) => /schema people\/nope\.json does not exist/.test(p)));
  assert.ok(problems.some((p) => /needs undo/.test(p)));
});

test("YAML syntax errors are reported with their line", () => {
  const problems = problemsOf(contractsIn({ "bad.yaml": "section: people\noperations: [\n" }));
  assert.match(problems[0], /bad\.yaml:\d+:\d+: YAML: /);
});
