import assert from "node:assert/strict";
import { test } from "node:test";
import { representativeOf } from "../../helpers/checks/auth";
import { checksOf, runCheck } from "../../helpers/checks/index";
import type { Operation } from "../../helpers/contract/contract";
import { effectRefusal } from "../../helpers/contract/effects";
import { loadContracts } from "../../helpers/contract/loader";
import type { RequestSpec, WorkspaceClient } from "../../helpers/http/client";
import { SIDE_EFFECT_GETS } from "../../scripts/side-effect-gets";
import { testRunner } from "../support/operation";

const calendar: Operation = {
  section: "calendar",
  id: "by-dates",
  key: "calendar.by-dates",
  method: "GET",
  path: "api/2.0/calendar/calendars/{startDate}/{endDate}",
  auth: "required",
  creates: false,
  effects: "creates a calendar on first call",
  successStatus: 200,
  query: {},
  params: { startDate: { value: "2024-01-01" }, endDate: { value: "2024-01-31" } },
  volatile: [],
  tags: [],
  source: "specs/calendar.yaml:3:5",
};
const undone: Operation = {
  ...calendar,
  undo: { operation: "delete", params: { calendarId: "[0].objectId" } },
};

test("an operation with effects is a write: refused without WORKSPACE_ALLOW_WRITES, and with it only where it can be undone", () => {
  const remote = { allowWrites: false, disposable: false };
  assert.match(
    effectRefusal(calendar, remote) ?? "",
    /^GET api\/2\.0\/calendar\/calendars\/\{startDate\}\/\{endDate\} has side effects \(creates a calendar on first call\), so it counts as a write: writes to this deployment are not allowed \(set WORKSPACE_ALLOW_WRITES=true/,
  );
  assert.ok(effectRefusal(undone, remote), "an undo does not make a write allowed");
  const allowed = { allowWrites: true, disposable: false };
  assert.match(
    effectRefusal(calendar, allowed) ?? "",
    /no undo for it: it is not sent even with WORKSPACE_ALLOW_WRITES=true/,
  );
  assert.equal(effectRefusal(undone, allowed), undefined);
  // The embedded reference is seeded afresh for each run: nothing there needs undoing.
  assert.equal(effectRefusal(calendar, { allowWrites: true, disposable: true }), undefined);
  // A plain read is never refused.
  assert.equal(effectRefusal({ ...calendar, effects: undefined }, remote), undefined);
});

test("every check of an operation with effects is skipped with the reason, and nothing is sent", async () => {
  const sent: RequestSpec[] = [];
  const client = {
    send: async (spec: RequestSpec) => {
      sent.push(spec);
      throw new Error("must not be sent");
    },
  } as unknown as WorkspaceClient;
  const evidence: never[] = [];
  const runner = testRunner(client, evidence, { allowWrites: false, disposable: false });
  const checks = [...checksOf("status"), ...checksOf("format"), ...checksOf("schema")];
  for (const check of checks.filter((c) => c.appliesTo(calendar))) {
    const result = await runCheck(calendar, check, runner, evidence);
    assert.equal(result.outcome, "skipped", `${result.id}: ${result.why}`);
    assert.match(result.why, /has side effects \(creates a calendar on first call\)/);
  }
  assert.deepEqual(sent, []);
});

test("the auth matrix's representative read of a section is never one with effects", () => {
  const plain: Operation = {
    ...calendar,
    id: "list",
    key: "calendar.list",
    path: "api/2.0/calendar",
    params: {},
    effects: undefined,
  };
  const first = { ...calendar, params: {} };
  const section = {
    name: "calendar",
    title: "Calendar",
    file: "specs/calendar.yaml",
    operations: [first, plain],
  };
  assert.equal(representativeOf(section)?.key, "calendar.list");
});

test("a POST, PUT or DELETE is refused before it is recorded as a creation, when writes are not allowed", () => {
  const create: Operation = {
    ...calendar,
    method: "POST",
    effects: undefined,
    creates: true,
    path: "api/2.0/calendar",
  };
  assert.match(
    effectRefusal(create, { allowWrites: false, disposable: false }) ?? "",
    /^refused to send POST api\/2\.0\/calendar: writes to this deployment are not allowed/,
  );
  assert.equal(effectRefusal(create, { allowWrites: true, disposable: false }), undefined);
});

test("every documented GET with side effects is in the contract with effects:", () => {
  const gets = new Map(
    loadContracts()
      .flatMap((section) => section.operations)
      .filter((op) => op.method === "GET")
      .map((op) => [op.path.replace(/^api\/2\.0\//, "").toLowerCase(), op]),
  );
  for (const path of Object.keys(SIDE_EFFECT_GETS)) {
    const op = gets.get(path.toLowerCase());
    assert.ok(op, `GET ${path} is in the contract`);
    assert.ok(op.effects, `GET ${path} is marked with effects:`);
  }
});
