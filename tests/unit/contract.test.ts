import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ContractError } from "../../helpers/contract/contract";
import { loadContracts, sampled } from "../../helpers/contract/loader";

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

test("effects: loaded on a GET; refused on a write, on a look-up's source; a path outside its module is named", () => {
  const good = contractsIn({
    "calendar.yaml": [
      "section: calendar",
      "operations:",
      "  by-dates:",
      "    request: GET api/2.0/calendar/calendars/{startDate}/{endDate}",
      "    effects: creates a calendar on first call",
      "    params:",
      '      startDate: { value: 2024-01-01, source: "module/ASC.Api/ASC.Api.Calendar/CalendarApi.cs:1 ApiDateTime" }',
      '      endDate: { value: 2024-01-31, source: "module/ASC.Api/ASC.Api.Calendar/CalendarApi.cs:1" }',
    ].join("\n"),
  })();
  assert.equal(good[0].operations[0].effects, "creates a calendar on first call");
  const problems = problemsOf(
    contractsIn({
      "bad.yaml": [
        "section: settings",
        "operations:",
        "  quota:",
        "    request: GET api/2.0/settings/recalculatequota",
        "    effects: recalculates every quota",
        "  smtp:",
        "    request: PUT api/2.0/settings/smtp",
        "    effects: ''",
        "  test:",
        "    request: POST api/2.0/settings/smtp/test",
        "    effects: sends a mail",
        "  status:",
        "    request: GET api/2.0/settings/{id}",
        "    params:",
        "      id: { from: GET api/2.0/settings/recalculatequota, select: id }",
        "  elsewhere:",
        "    request: GET api/2.0/people/@self",
      ].join("\n"),
    }),
  );
  // The empty effects fails the schema first, with its line; the rest is checked once the file is valid.
  assert.ok(
    problems.some((p) => /bad\.yaml:8:\d+ operations\.smtp\.effects: /.test(p)),
    problems.join("\n"),
  );
  const fixed = problemsOf(
    contractsIn({
      "bad.yaml": [
        "section: settings",
        "operations:",
        "  quota:",
        "    request: GET api/2.0/settings/recalculatequota",
        "    effects: recalculates every quota",
        "  test:",
        "    request: POST api/2.0/settings/smtp/test",
        "    effects: sends a mail",
        "  status:",
        "    request: GET api/2.0/settings/{id}",
        "    params:",
        "      id: { from: GET api/2.0/settings/recalculatequota, select: id }",
        "  elsewhere:",
        "    request: GET api/2.0/people/@self",
      ].join("\n"),
    }),
  );
  const expectations = [
    /bad\.yaml:7:\d+ operations\.test: effects marks a GET; a POST counts as a write already/,
    /bad\.yaml:10:\d+ operations\.status: params\.id\.from GET api\/2\.0\/settings\/recalculatequota has side effects \(recalculates every quota\)/,
    /bad\.yaml:14:\d+ operations\.elsewhere: api\/2\.0\/people\/@self is in module "people", not "settings"/,
  ];
  for (const expected of expectations)
    assert.ok(
      fixed.some((p) => expected.test(p)),
      `${expected} not in:\n${fixed.join("\n")}`,
    );
  assert.equal(fixed.length, expectations.length, fixed.join("\n"));
});

test("WC_GETS_PER_MODULE keeps each module's first n GETs, those its writes read back with (or restore from), and every other operation; unset or invalid, everything", () => {
  const sections = loadContracts();
  const sample = sampled(sections, "2");
  for (const [index, section] of sample.entries()) {
    const all = sections[index].operations;
    const gets = all.filter((op) => op.method === "GET");
    const readBy = all.flatMap((op) => [
      op.readBack?.operation,
      op.listedIn?.operation,
      op.gone?.operation,
      op.restore?.read,
    ]);
    assert.deepEqual(
      section.operations.map((op) => op.key),
      all
        .filter((op) => op.method !== "GET" || gets.indexOf(op) < 2 || readBy.includes(op.id))
        .map((op) => op.key),
    );
  }
  const community = sample.find((s) => s.name === "community")?.operations.map((op) => op.id);
  assert.ok(community?.includes("forum-topic"), "a read a write reads back with is kept");
  // Writes are all kept (each is its module's only check of it), and the GETs they read back with:
  // the other GETs measure the sampling.
  const getsOf = (all: typeof sections) =>
    all.flatMap((s) => s.operations).filter((op) => op.method === "GET");
  assert.ok(getsOf(sample).length < getsOf(sections).length / 3);
  for (const value of [undefined, "", "0", "x"]) assert.equal(sampled(sections, value), sections);
});

test("WC_WRITES_PER_MODULE keeps each module's first m write groups, with every create, undo and read they need", () => {
  const sections = loadContracts();
  const sample = sampled(sections, "3", "3");
  const all = new Map(sections.flatMap((s) => s.operations).map((op) => [op.key, op]));
  const kept = new Set(sample.flatMap((s) => s.operations).map((op) => op.key));
  const writes = (ops: Iterable<string>) => [...ops].filter((key) => all.get(key)?.method !== "GET");
  // A project's writes all hang off the run's project, so its first group is most of them.
  assert.ok(writes(kept).length < writes(all.keys()).length * 0.7, `${writes(kept).length} writes kept`);
  for (const section of sample) assert.ok(section.operations.length > 0, `${section.name} is there`);
  for (const key of kept) {
    const op = all.get(key) as NonNullable<ReturnType<typeof all.get>>;
    const needs = [
      ...Object.values(op.params).flatMap((p) => ("created" in p ? [p.created] : [])),
      ...(op.method === "GET" ? [] : [op.undo?.operation, op.undo?.before?.operation]),
      op.readBack?.operation,
      op.listedIn?.operation,
      op.gone?.operation,
    ].filter((id) => id !== undefined);
    for (const id of needs) assert.ok(kept.has(`${op.section}.${id}`), `${key} needs ${id}, which was cut`);
  }
  // crm's history event acts on two creates: a case (its first) and a category.
  const crm = sample.find((s) => s.name === "crm")?.operations.map((op) => op.id) ?? [];
  if (crm.includes("create-history-event")) assert.ok(crm.includes("create-history-category"));
  const count = (s: typeof sections) => s.flatMap((section) => section.operations).length;
  for (const value of [undefined, "", "0", "x"])
    assert.equal(count(sampled(sections, "3", value)), count(sampled(sections, "3")));
});

test("the write round trip's keys: loaded in their short and long forms; each mistake named with file:line:col", () => {
  const group = (extra: string[]) =>
    [
      "section: group",
      "operations:",
      "  list:",
      "    request: GET api/2.0/group",
      "  get-by-id:",
      "    request: GET api/2.0/group/{groupid}",
      "    params:",
      "      groupid: { from: GET api/2.0/group, select: '[0].id' }",
      "  create:",
      "    request: POST api/2.0/group",
      "    creates: true",
      "    body: { groupName: '{unique}' }",
      "    reflects: { name: '{unique}' }",
      "    undo: { operation: delete, params: { groupid: id } }",
      "  delete:",
      "    request: DELETE api/2.0/group/{groupid}",
      "    params:",
      "      groupid: { created: create, select: id }",
      ...extra,
    ].join("\n");
  const good = contractsIn({
    "group.yaml": group([
      "    gone: { operation: get-by-id, status: 404, source: 'module/ASC.Api/ASC.Employee/GroupsApi.cs:234 x' }",
    ]).replace(
      "    undo:",
      "    readBack: { operation: get-by-id, params: { groupid: id } }\n    listedIn: list\n    undo:",
    ),
  })();
  const ops = new Map(good[0].operations.map((op) => [op.id, op]));
  assert.deepEqual(ops.get("create")?.listedIn, { operation: "list" });
  assert.deepEqual(ops.get("create")?.readBack, { operation: "get-by-id", params: { groupid: "id" } });
  assert.equal(ops.get("delete")?.gone?.status, 404);

  const problems = problemsOf(
    contractsIn({
      "group.yaml": group([
        "    readBack: get-by-id",
        "    gone: { operation: create, status: 404, source: 'module/x.cs:1' }",
        "  rename:",
        "    request: PUT api/2.0/group/{id}",
        "    params:",
        "      id: { value: 1, source: 'module/A.cs:1 int id' }",
        "    readBack: get-by-id",
      ]).replace(
        "    undo:",
        "    readBack: { operation: nope, params: {} }\n    listedIn: get-by-id\n    undo:",
      ),
    }),
  );
  const expect = (pattern: RegExp) =>
    assert.ok(
      problems.some((p) => pattern.test(p)),
      problems.join("\n"),
    );
  expect(
    /group\.yaml:10:5 operations\.create: readBack\.operation names "nope", which is not an operation here/,
  );
  expect(
    /operations\.create: listedIn: \{groupid\} of api\/2\.0\/group\/\{groupid\} is no placeholder of api\/2\.0\/group$/,
  );
  expect(/operations\.delete: readBack marks a create, an update \(PUT\) or a restored setting/);
  expect(/operations\.delete: gone\.operation names "create", a POST: it must be a GET/);
  expect(
    /operations\.rename: readBack: \{groupid\} of api\/2\.0\/group\/\{groupid\} is no placeholder of api\/2\.0\/group\/\{id\}/,
  );
  expect(/operations\.rename: readBack needs reflects/);
});

test("a gone without its citation is refused by the schema", () => {
  const problems = problemsOf(
    contractsIn({
      "group.yaml": [
        "section: group",
        "operations:",
        "  get-by-id:",
        "    request: GET api/2.0/group/{groupid}",
        "    params:",
        "      groupid: { value: x }",
        "  delete:",
        "    request: DELETE api/2.0/group/{groupid}",
        "    params:",
        "      groupid: { value: x }",
        "    gone: { operation: get-by-id, status: 404 }",
      ].join("\n"),
    }),
  );
  assert.ok(
    problems.some((p) => /group\.yaml:11:\d+ operations\.delete\.gone\.source: is missing/.test(p)),
    problems.join("\n"),
  );
});

test("a fixed value and an unknown id carry their source; the checks get the value", () => {
  const [crm] = contractsIn({
    "crm.yaml": [
      "section: crm",
      "operations:",
      "  contact:",
      "    request: GET api/2.0/crm/contact/{contactid}",
      "    params:",
      '      contactid: { from: GET api/2.0/crm/contact/filter, select: "[0].id" }',
      "    unknown:",
      '      contactid: { value: 999999999, source: "module/ASC.Api/ASC.Api.CRM/CRMApi.Contacts.cs:95-97 ItemNotFoundException" }',
      "  by-type:",
      "    request: GET api/2.0/crm/{entityType}/customfield/definitions",
      "    params:",
      '      entityType: { value: contact, source: "module/ASC.Web.CRM/Core/Enums/EntityType.cs:36" }',
    ].join("\n"),
  })();
  const [contact, byType] = crm.operations;
  assert.deepEqual(contact.unknown, { contactid: 999999999 });
  assert.deepEqual(byType.params.entityType, { value: "contact" });
});

test("an unknown id or a fixed value without a well-formed source is refused with file:line:col", () => {
  const problems = problemsOf(
    contractsIn({
      "bad.yaml": [
        "section: crm",
        "operations:",
        "  contact:",
        "    request: GET api/2.0/crm/contact/{contactid}/{entityType}/{kind}",
        "    params:",
        "      contactid: { value: 1, source: CRMApi.Contacts.cs:12 }",
        "      entityType: { value: contact }",
        '      kind: { value: 1, source: "module/ASC.Api/ASC.Api.CRM/CRMApi.Contacts.cs line 12" }',
        "    unknown:",
        "      contactid: 999999999",
        "      entityType: { value: nothing }",
        '      kind: { value: 2, source: "" }',
      ].join("\n"),
    }),
  );
  const expectations = [
    /bad\.yaml:7:\d+ operations\.contact\.params\.entityType\.source: is missing \(required\): a fixed value cites the parameter's type/,
    /bad\.yaml:8:\d+ operations\.contact\.params\.kind\.source: is not <path>:<line> or <path>:<first>-<last>: a fixed value cites .* in CommunityServer v12\.7\.1/,
    /bad\.yaml:10:\d+ operations\.contact\.unknown\.contactid: should be object: an unknown id cites the line that signals not-found for it \(ItemNotFoundException, NotFoundIfNull or an ErrorMassage_\*NotFound\)/,
    /bad\.yaml:11:\d+ operations\.contact\.unknown\.entityType\.source: is missing \(required\): an unknown id cites/,
    /bad\.yaml:12:\d+ operations\.contact\.unknown\.kind\.source: is not <path>:<line>/,
  ];
  for (const expected of expectations)
    assert.ok(
      problems.some((p) => expected.test(p)),
      `${expected} not in:\n${problems.join("\n")}`,
    );
  // A source with a path and a line is well-formed whatever its directory: line 6 is accepted.
  assert.ok(!problems.some((p) => /bad\.yaml:6:/.test(p)), problems.join("\n"));
  assert.equal(problems.length, expectations.length, problems.join("\n"));
});

test("a body names records by placeholder, nested in lists and objects: each needs its params entry; {unique} is no placeholder", () => {
  const contract = (params: string) =>
    contractsIn({
      "files.yaml": [
        "section: files",
        "operations:",
        "  share:",
        "    request: PUT api/2.0/files/file/{fileid}/share",
        "    params:",
        "      fileid: { value: 1, source: 'module/ASC.Api/ASC.Api.Documents/DocumentsApi.cs:1515' }",
        params,
        "    body:",
        "      share: [{ shareTo: '{userid}', access: 2 }]",
        "      sharingMessage: '{unique}'",
      ].join("\n"),
    });
  const problems = problemsOf(contract(""));
  assert.ok(
    problems.some((p) => /placeholder \{userid\} has no entry under params/.test(p)),
    problems.join("\n"),
  );
  assert.ok(!problems.some((p) => /\{unique\}/.test(p)), problems.join("\n"));
  const [files] = contract("      userid: { from: GET api/2.0/people/@self, select: id }")();
  assert.deepEqual(files.operations[0].body, {
    share: [{ shareTo: "{userid}", access: 2 }],
    sharingMessage: "{unique}",
  });
});

test("a record is made by a create or by a write with an undo; {name} selects what a write was sent, and must name its placeholder", () => {
  const file = (select: string, undoSelect: string) =>
    contractsIn({
      "mail.yaml": [
        "section: mail",
        "operations:",
        "  save:",
        "    request: PUT api/2.0/mail/drafts/save",
        "    undo: { operation: remove, params: { ids: id } }",
        "  mark:",
        "    request: PUT api/2.0/mail/messages/mark",
        '    query: { ids: "{ids}" }',
        `    params: { ids: { created: save, select: "${select}" } }`,
        `    undo: { operation: remove, params: { ids: "${undoSelect}" } }`,
        "  remove:",
        "    request: PUT api/2.0/mail/messages/remove",
        '    query: { ids: "{ids}" }',
        "    params: { ids: { created: save, select: id } }",
        "  plain:",
        "    request: PUT api/2.0/mail/settings/replaceMessageBody",
        "  misused:",
        "    request: PUT api/2.0/mail/messages/restore",
        '    query: { ids: "{ids}" }',
        "    params: { ids: { created: plain, select: id } }",
      ].join("\n"),
    });
  const problems = problemsOf(file("id", "{ids}"));
  assert.deepEqual(
    problems.map((p) => p.replace(/^.*operations\./, "")),
    ['misused: params.ids.created names "plain", which neither creates nor changes a created record'],
  );
  const wrong = problemsOf(file("{nope}", "{other}")).map((p) => p.replace(/^.*operations\./, ""));
  assert.deepEqual(wrong, [
    "mark: params.ids.select {nope} is no placeholder of api/2.0/mail/drafts/save",
    "mark: undo.params.ids {other} is no placeholder of api/2.0/mail/messages/mark",
    'misused: params.ids.created names "plain", which neither creates nor changes a created record',
  ]);
});

test("a body names parameters; undo.before and a record a write changed (a user suspended) are checked", () => {
  const lines = (suspendParams: string, deleteFrom: string, beforeParams: string) =>
    [
      "section: people",
      "operations:",
      "  create:",
      "    request: POST api/2.0/people",
      "    creates: true",
      "    body: { lastname: '{unique}' }",
      "    undo:",
      "      operation: delete",
      "      params: { userid: id }",
      `      before: { operation: suspend, params: { ${beforeParams} } }`,
      "  suspend:",
      "    request: PUT api/2.0/people/status/{status}",
      "    params:",
      "      status: { value: 2, source: 'common/ASC.Core.Common/Core/EmployeeStatus.cs:27 Terminated' }",
      `${suspendParams}`,
      "    body: { userIds: ['{userid}'] }",
      "  delete:",
      "    request: DELETE api/2.0/people/{userid}",
      "    params:",
      `      userid: { created: ${deleteFrom}, select: "[0].id" }`,
      "  list:",
      "    request: GET api/2.0/people",
    ].join("\n");
  const [section] = contractsIn({
    "people.yaml": lines("      userid: { created: create, select: id }", "suspend", "userid: id"),
  })();
  const suspend = section?.operations.find((op) => op.id === "suspend");
  assert.deepEqual(suspend?.body, { userIds: ["{userid}"] }, "{userid} in a body is a placeholder");
  const problems = problemsOf(
    contractsIn({
      "people.yaml": lines("      other: { created: create, select: id }", "list", "other: id"),
    }),
  );
  assert.ok(
    problems.some((p) => /placeholder \{userid\} has no entry under params/.test(p)),
    problems.join("\n"),
  );
  assert.ok(problems.some((p) => /params\.other is not a placeholder/.test(p)));
  assert.ok(problems.some((p) => /undo\.before\.params has no value for \{userid\}/.test(p)));
  assert.ok(
    problems.some((p) => /created names "list", which neither creates nor changes a created record/.test(p)),
  );
});

test("restore and locksOut: loaded; a restore that misses a body member, reads with a write or marks a create is named", () => {
  const settings = (extra: string[]) =>
    [
      "section: settings",
      "operations:",
      "  password:",
      "    request: GET api/2.0/settings/security/password",
      "  password-update:",
      "    request: PUT api/2.0/settings/security/password",
      "    locksOut: true",
      "    body: { minLength: 12, digits: true }",
      ...extra,
    ].join("\n");
  const [good] = contractsIn({
    "settings.yaml": settings([
      "    restore: { read: password, body: { minLength: minLength, digits: digits } }",
    ]),
  })();
  const update = good.operations.find((op) => op.id === "password-update");
  assert.deepEqual(update?.restore, { read: "password", body: { minLength: "minLength", digits: "digits" } });
  assert.equal(update?.locksOut, true);
  const problems = problemsOf(
    contractsIn({
      "settings.yaml": settings([
        "    restore: { read: password-update, body: { minLength: minLength } }",
        "  make:",
        "    request: POST api/2.0/settings/customnavigation/create",
        "    creates: true",
        "    undo: { operation: password-update, params: {} }",
        "    restore: { read: password, body: { x: '' } }",
      ]),
    }),
  );
  const expect = (pattern: RegExp) =>
    assert.ok(
      problems.some((p) => pattern.test(p)),
      problems.join("\n"),
    );
  expect(/operations\.password-update: restore\.read names "password-update", a PUT: it must be a GET/);
  expect(/operations\.password-update: restore\.body has no path for body member digits/);
  expect(/operations\.make: restore marks a write that changes a setting, not a read or a create/);
});

test("removes names a placeholder that takes a create's record, or is true", () => {
  const files = (removes: string) =>
    [
      "section: files",
      "operations:",
      "  create-file:",
      "    request: POST api/2.0/files/@my/file",
      "    creates: true",
      "    undo: { operation: delete-file, params: { fileid: id } }",
      "  delete-file:",
      "    request: DELETE api/2.0/files/file/{fileid}",
      "    params:",
      "      fileid: { created: create-file, select: id }",
      "  move-files:",
      "    request: PUT api/2.0/files/fileops/move",
      `    removes: ${removes}`,
      "    params:",
      "      fileid: { created: create-file, select: id }",
      '      folderid: { value: 1, source: "web/studio/ASC.Web.Studio/Products/Files/Api/DocumentsApi.cs:1262 a folder" }',
      "    body: { fileIds: ['{fileid}'], destFolderId: '{folderid}' }",
    ].join("\n");
  const [good] = contractsIn({ "files.yaml": files("fileid") })();
  assert.equal(good.operations.find((op) => op.id === "move-files")?.removes, "fileid");
  const problems = problemsOf(contractsIn({ "files.yaml": files("folderid") }));
  assert.ok(
    problems.some((p) =>
      /files\.yaml:\d+:\d+ operations\.move-files: removes names \{folderid\}, which takes no record a create made/.test(
        p,
      ),
    ),
    problems.join("\n"),
  );
});

test("an undo names another module's operation as <section>.<id>: checked once every file is loaded", () => {
  const load = (undo: string, fileParams: string) =>
    contractsIn({
      "files.yaml": [
        "section: files",
        "operations:",
        "  delete-file:",
        "    request: DELETE api/2.0/files/file/{fileid}",
        '    params: { fileid: { from: GET api/2.0/files/@my, select: "files[0].id" } }',
      ].join("\n"),
      "mail.yaml": [
        "section: mail",
        "operations:",
        "  export:",
        "    request: PUT api/2.0/mail/messages/attachment/export",
        `    undo: { operation: ${undo}, params: { ${fileParams} } }`,
      ].join("\n"),
    });
  const sections = load("files.delete-file", 'fileid: "."')();
  assert.equal(sections.find((s) => s.name === "mail")?.operations[0].undo?.operation, "files.delete-file");
  const problems = problemsOf(load("files.nope", 'fileid: "."')).map((p) => p.replace(/^.*operations\./, ""));
  assert.deepEqual(problems, [
    'export: undo.operation names "files.nope", which is not an operation of the contract',
  ]);
  const unnamed = problemsOf(load("files.delete-file", 'other: "."')).map((p) =>
    p.replace(/^.*operations\./, ""),
  );
  assert.deepEqual(unnamed, ["export: undo.params has no value for {fileid} of api/2.0/files/file/{fileid}"]);
});
