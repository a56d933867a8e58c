import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ContractError } from "../../helpers/contract/contract";
import { documentedOperations } from "../../helpers/contract/documented";
import { loadContracts } from "../../helpers/contract/loader";
import { loadNotChecked, notCheckedFiles } from "../../helpers/contract/not-checked";

const sections = loadContracts();
const documented = documentedOperations();

/** Loads `text` as the list of `module` (mail, unless named). */
function listIn(text: string, module = "mail"): () => unknown {
  const file = join(mkdtempSync(join(tmpdir(), "not-checked-")), `${module}.yaml`);
  writeFileSync(file, text);
  return () => loadNotChecked([file], sections, documented);
}

/** The problems of the ContractError that `load` throws. */
function problemsOf(load: () => unknown): string[] {
  let problems: string[] = [];
  assert.throws(load, (error) => {
    assert.ok(error instanceof ContractError, String(error));
    problems = error.problems;
    return true;
  });
  return problems;
}

const entry = (request: string, extra = "") =>
  `  - request: "${request}"\n    reason: sends-mail-or-sms\n    why: Sends the message to its recipients.\n    source: module/ASC.Api/ASC.Api.Mail/MailApi.Messages.cs:529\n${extra}`;

test("this repository's list loads: documented writes, none in the contract, each once", () => {
  const listed = loadNotChecked(notCheckedFiles(), sections, documented);
  assert.ok(listed.length > 0);
  for (const write of listed) {
    assert.notEqual(write.operation.verb, "GET", write.request);
    assert.equal(write.request, `${write.operation.verb} api/2.0/${write.operation.path}`);
  }
  assert.equal(new Set(listed.map((w) => w.request)).size, listed.length);
});

test("a write that is not documented is refused at its line and column", () => {
  const problems = problemsOf(listIn(`writes:\n${entry("PUT api/2.0/mail/messages/sendall")}`));
  assert.deepEqual(problems.length, 1);
  assert.match(
    problems[0],
    /mail\.yaml:2:14 writes\.0\.request: "PUT api\/2\.0\/mail\/messages\/sendall" is not a documented write/,
  );
});

test("a GET, or a path spelled otherwise than operations.tsv, is not a documented write", () => {
  const get = problemsOf(listIn(`writes:\n${entry("GET api/2.0/mail/accounts")}`));
  assert.equal(get.length, 1, get.join("\n"));
  assert.match(get[0], /:2:14 writes\.0\.request: must match pattern/);
  const renamed = problemsOf(listIn(`writes:\n${entry("PUT api/2.0/people/{id}/email")}`));
  assert.equal(renamed.length, 1, renamed.join("\n"));
  assert.match(
    renamed[0],
    /:2:14 writes\.0\.request: "PUT api\/2\.0\/people\/\{id\}\/email" is not a documented write/,
  );
});

test("a write listed twice is refused at the second, naming the first", () => {
  const problems = problemsOf(
    listIn(`writes:\n${entry("PUT api/2.0/mail/messages/send")}${entry("PUT api/2.0/mail/messages/send")}`),
  );
  assert.equal(problems.length, 1);
  assert.match(problems[0], /:6:14 writes\.1\.request: .* is listed twice \(first at .*mail\.yaml:2:14\)/);
});

test("a write the contract checks cannot be listed as not checked", () => {
  const problems = problemsOf(listIn(`writes:\n${entry("POST api/2.0/group")}`, "group"));
  assert.equal(problems.length, 1);
  assert.match(
    problems[0],
    /:2:14 writes\.0\.request: "POST api\/2\.0\/group" is checked by the contract \(specs\/group\.yaml:\d+:\d+ operations\.[a-z-]+\)/,
  );
});

test("a write is listed in its module's file", () => {
  const problems = problemsOf(listIn(`writes:\n${entry("PUT api/2.0/mail/messages/send")}`, "crm"));
  assert.equal(problems.length, 1);
  assert.match(
    problems[0],
    /crm\.yaml:2:14 writes\.0\.request: "PUT api\/2\.0\/mail\/messages\/send" is a write of mail: list it in mail\.yaml/,
  );
});

test("a reason outside the set, a missing source and a malformed one are refused by the schema", () => {
  const problems = problemsOf(
    listIn(
      [
        "writes:",
        '  - request: "PUT api/2.0/mail/messages/send"',
        "    reason: too-hard",
        "    why: Sends the message to its recipients.",
        '  - request: "PUT api/2.0/mail/messages/simpleSend"',
        "    reason: sends-mail-or-sms",
        "    why: Sends the message to its recipients.",
        "    source: MailApi.Messages.cs",
        "",
      ].join("\n"),
    ),
  );
  assert.ok(
    problems.some((p) => /:3:13 writes\.0\.reason: should be one of \["sends-mail-or-sms",/.test(p)),
    problems.join("\n"),
  );
  assert.ok(
    problems.some((p) => /:2:5 writes\.0\.source: is missing/.test(p)),
    problems.join("\n"),
  );
  assert.ok(
    problems.some((p) => /:8:13 writes\.1\.source: must match pattern/.test(p)),
    problems.join("\n"),
  );
});
