import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { type Citation, citationProblem, citationsOf } from "../../scripts/check-citations";

const METHOD = [
  "public CasesWrapper GetCaseByID(int caseid)",
  "{",
  "    var cases = DaoFactory.CasesDao.GetByID(caseid);",
  "    if (cases == null) throw new ItemNotFoundException();",
  "    return DaoFactory.VoipDao.GetNumber(numberId).NotFoundIfNull();",
  "    ErrorIf(file == null, FilesCommonResource.ErrorMassage_FileNotFound);",
  "    ErrorIf(!FileSecurity.CanRead(file), FilesCommonResource.ErrorMassage_SecurityException_ReadFile);",
  "}",
].join("\n");

const cite = (kind: Citation["kind"], source: string): Citation => ({ at: "specs/x.yaml:1:1", kind, source });

test("an unknown id's lines must name a not-found condition: ItemNotFoundException, NotFoundIfNull or ErrorMassage_*NotFound", () => {
  const none = (lines: string) =>
    `A.cs:${lines} names no not-found condition (no ItemNotFoundException, NotFoundIfNull or ErrorMassage_*NotFound)`;
  assert.equal(citationProblem(cite("unknown", "A.cs:4 ItemNotFoundException"), METHOD), undefined);
  assert.equal(citationProblem(cite("unknown", "A.cs:5"), METHOD), undefined);
  assert.equal(citationProblem(cite("unknown", "A.cs:1-4 GetCaseByID"), METHOD), undefined);
  assert.equal(citationProblem(cite("unknown", "A.cs:6 ErrorIf(file == null)"), METHOD), undefined);
  assert.equal(citationProblem(cite("unknown", "A.cs:3 GetByID"), METHOD), none("3"));
  // A security message is no not-found condition, though it follows the same ErrorIf.
  assert.equal(citationProblem(cite("unknown", "A.cs:7 CanRead"), METHOD), none("7"));
});

test("a cited file must exist at the tag and have the lines; a value's lines are the reviewer's call", () => {
  assert.equal(citationProblem(cite("value", "A.cs:1 int caseid"), METHOD), undefined);
  assert.equal(citationProblem(cite("value", "A.cs:9"), METHOD), "A.cs has 8 lines: no lines 9-9");
  assert.equal(citationProblem(cite("value", "A.cs:4-2"), METHOD), "A.cs has 8 lines: no lines 4-2");
  assert.equal(citationProblem(cite("unknown", "B.cs:4"), undefined), "B.cs does not exist at v12.7.1");
});

test("citationsOf: every source of params and unknown, with its file:line:col", () => {
  const dir = mkdtempSync(join(tmpdir(), "citations-"));
  const file = join(dir, "crm.yaml");
  writeFileSync(
    file,
    [
      "section: crm",
      "operations:",
      "  contact:",
      "    request: GET api/2.0/crm/{entityType}/{contactid}",
      "    params:",
      '      entityType: { value: contact, source: "CRMApi.cs:70" }',
      '      contactid: { from: GET api/2.0/crm/contact/filter, select: "[0].id" }',
      "    unknown:",
      "      contactid:",
      "        value: 999999999",
      '        source: "CRMApi.Contacts.cs:66"',
    ].join("\n"),
  );
  const problems: string[] = [];
  const citations = citationsOf(file, problems);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    citations.map((c) => [c.at.replace(/^.*crm\.yaml/, "crm.yaml"), c.kind, c.source]),
    [
      ["crm.yaml:6:45", "value", "CRMApi.cs:70"],
      ["crm.yaml:11:17", "unknown", "CRMApi.Contacts.cs:66"],
    ],
  );
});

test("a delete's gone: cites a not-found condition too, and citationsOf finds it", () => {
  assert.equal(citationProblem(cite("gone", "A.cs:5 NotFoundIfNull"), METHOD), undefined);
  assert.match(citationProblem(cite("gone", "A.cs:3 GetByID"), METHOD) ?? "", /names no not-found condition/);
  const dir = mkdtempSync(join(tmpdir(), "citations-"));
  const file = join(dir, "group.yaml");
  writeFileSync(
    file,
    [
      "section: group",
      "operations:",
      "  delete:",
      "    request: DELETE api/2.0/group/{groupid}",
      "    params:",
      "      groupid: { value: x, source: 'module/A.cs:1' }",
      "    gone: { operation: get, status: 404, source: 'module/B.cs:2 NotFoundIfNull' }",
    ].join("\n"),
  );
  const problems: string[] = [];
  const found = citationsOf(file, problems).map(({ kind, source }) => [kind, source]);
  assert.deepEqual(found, [
    ["gone", "module/B.cs:2 NotFoundIfNull"],
    ["value", "module/A.cs:1"],
  ]);
});
