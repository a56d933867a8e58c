import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { describeRecords, RunLedgerFile } from "../../helpers/run/run-ledger";

test("the run ledger file: what was created stays open until it is marked undone; orphans are never closed", () => {
  const file = new RunLedgerFile(join(mkdtempSync(join(tmpdir(), "wc-ledger-")), ".ledger", "run.jsonl"));
  const first = file.created("people.create {userid:1}", { method: "DELETE", path: "api/2.0/people/1.json" });
  file.created("group.create {groupid:2}", { method: "DELETE", path: "api/2.0/group/2.json" });
  file.undone(first);
  file.undone(first); // a second mark changes nothing
  file.orphaned("files.create-folder created a record, but its id could not be read");
  const state = file.state();
  assert.equal(state.created, 3);
  assert.equal(state.removed, 1);
  assert.deepEqual(
    state.open.map((e) => e.undo.path),
    ["api/2.0/group/2.json"],
  );
  assert.equal(state.orphans.length, 1);
  assert.equal(describeRecords(state), "3 records created, 1 removed, 2 LEFT BEHIND (listed above)");
});

test("a creation counts as unanswered until the deployment answers it: only those make teardown search by name", () => {
  const file = new RunLedgerFile(join(mkdtempSync(join(tmpdir(), "wc-ledger-")), ".ledger", "run.jsonl"));
  file.creating("wc-run-w0-1");
  file.answered("wc-run-w0-1");
  file.creating("wc-run-w0-2");
  file.creating("wc-run-w1-1");
  file.answered("wc-run-w1-1");
  assert.deepEqual(file.state().unanswered, ["wc-run-w0-2"]);
});
