import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { FullConfig, Suite, TestCase, TestResult } from "@playwright/test/reporter";
import { failsTheRun, type Outcome, RESULTS_ATTACHMENT } from "../../helpers/checks/check";
import { documentedOperations } from "../../helpers/contract/documented";
import { AllureTemplateChanged, offlineReport } from "../../helpers/reporters/allure-html";
import AllureReporter from "../../helpers/reporters/allure-reporter";
import { coverage, runCoverage, writesReport } from "../../helpers/reporters/coverage";
import { emptyListInWords, emptyListModules } from "../../helpers/reporters/empty-lists";
import { prettyBody, renderFindings } from "../../helpers/reporters/evidence";
import {
  countsInWords,
  coverageInWords,
  groupChecks,
  groupedLines,
  groupInWords,
  outcomeTable,
  type SummarisedCheck,
  summaryMarkdown,
  unavailableInWords,
  unavailableModules,
  verdictInWords,
} from "../../helpers/reporters/summary";

const check = (id: string, outcome: Outcome): SummarisedCheck => {
  const [key, rule] = id.split("/");
  const [section, operation] = key.split(".");
  const gating = failsTheRun({ outcome });
  return { id, section, operation, family: rule.split(".")[0], outcome, why: "because", gating };
};

/** summary.md of `checks`, with no coverage to speak of. */
const markdownOf = (checks: SummarisedCheck[], runPassed: boolean) =>
  summaryMarkdown({
    checks,
    verdictLine: "v",
    runPassed,
    coverage: coverage([], [], documentedOperations()),
  });

test("the outcome table counts per section and family, with a mark per outcome besides passed", () => {
  const checks = [
    check("people.get-self/format.json-suffix", "passed"),
    check("people.get-self/format.default-is-xml", "failed"),
    check("people.get-self/schema.xml", "deviated"),
    check("group.list/format.json-suffix", "skipped"),
  ];
  assert.deepEqual(outcomeTable(checks), [
    ["module", "format", "schema", "all"],
    ["group", "0/1 ⊘1", "·", "0/1 ⊘1"],
    ["people", "1/2 ✘1", "0/1 ≈1", "1/3 ✘1 ≈1"],
    ["all", "1/3 ✘1 ⊘1", "0/1 ≈1", "1/4 ✘1 ≈1 ⊘1"],
  ]);
  assert.equal(countsInWords(checks), "4 checks, 1 passed, 1 failed, 1 deviated, 1 skipped");
  assert.match(verdictInWords(checks, false), /^DOES NOT CONFORM \(1 check failed\)/);
  assert.equal(verdictInWords(checks.slice(2), true), "CONFORMS, with 1 known deviation");
  assert.match(verdictInWords([check("people.list/status.success", "passed")], false), /^RUN FAILED/);
});

test("coverage tells apart documented routes that differ only in a placeholder's name", () => {
  const op = (id: string, path: string) => ({
    key: `project.${id}`,
    section: "project",
    id,
    method: "GET",
    path,
  });
  const result = coverage(
    [op("by-id", "api/2.0/project/{id}"), op("by-status", "api/2.0/project/{status}")],
    [check("project.by-id/status.success", "passed"), check("project.by-status/status.success", "passed")],
    documentedOperations(),
  );
  assert.deepEqual(
    result.exercised.map((e) => e.documented?.path),
    ["project/{id}", "project/{status}"],
  );
  assert.equal(result.modules.find((m) => m.module === "project")?.exercised, 2);
});

test("coverage matches our operations to documented ones by method and path, whatever the placeholders are called", () => {
  const documented = documentedOperations();
  assert.ok(documented.length > 800, "the snapshot holds the documented operations");
  const ops = [
    {
      key: "people.get-by-id",
      section: "people",
      id: "get-by-id",
      method: "GET",
      path: "api/2.0/people/{userid}",
    },
    {
      key: "people.gone",
      section: "people",
      id: "gone",
      method: "GET",
      path: "api/2.0/people/nowhere/at/all",
    },
    { key: "group.list", section: "group", id: "list", method: "GET", path: "api/2.0/group" },
  ];
  const result = coverage(
    ops,
    [
      check("people.get-by-id/status.success", "passed"),
      check("people.get-by-id/format.json-suffix", "failed"),
      check("people.gone/status.success", "passed"),
      check("group.list/status.success", "skipped"),
    ],
    documented,
  );
  assert.deepEqual(
    result.exercised.map((e) => [
      e.operation.key,
      e.documented && `${e.documented.verb} ${e.documented.path}`,
    ]),
    [
      ["people.get-by-id", "GET people/{username}"],
      ["people.gone", undefined],
    ],
  );
  assert.deepEqual(result.exercised[0].families, [
    { family: "status", passed: 1, ran: 1 },
    { family: "format", passed: 0, ran: 1 },
  ]);
  assert.equal(result.modules.find((m) => m.module === "people")?.exercised, 1);
  assert.equal(result.modules.find((m) => m.module === "group")?.exercised, 0);
});

test("findings read as a list (schema violations) or as the fields that differ (parity)", () => {
  const list = renderFindings("valid", ["/response/id (element result/response/id): must be string"]);
  assert.match(list, /\nGiven:\n {2}- \/response\/id \(element result\/response\/id\): must be string$/);
  const fields = renderFindings(
    { "response.firstName": "Ann", "response.age": 3 },
    { "response.firstName": "Anna" },
  );
  assert.match(fields, /2 fields \(expected -> given\)/);
  assert.match(fields, /response\.firstName\n {4}expected: Ann\n {4}given: {4}Anna/);
  assert.match(fields, /response\.age\n {4}expected: 3\n {4}given: {4}\(absent\)/);
});

test("bodies are indented for a person, and a body nested 20,000 deep stays about its own size", () => {
  assert.equal(prettyBody('{"a":[1]}', "application/json"), '{\n  "a": [\n    1\n  ]\n}');
  assert.equal(prettyBody("<r><a>1</a></r>", "text/xml"), "<r>\n  <a>1</a>\n</r>");
  const depth = 20_000;
  const json = `{"r":${"[".repeat(depth)}${"]".repeat(depth)}}`;
  assert.equal(prettyBody(json, "application/json"), json, "not indented: deeper than any API answer");
  const xml = `<r>${"<a>".repeat(depth)}${"</a>".repeat(depth)}</r>`;
  // Indentation stops at MAX_NESTING levels: at most 200 spaces a line, not 40,000.
  assert.ok(prettyBody(xml, "application/xml").length < xml.length + 2 * depth * 201);
});

test("the Allure report loses its analytics and gains a CSP; a changed template stops the build", () => {
  const html = `<html><head>\n<meta charset="utf-8">\n<title>r</title></head><body>
    <script async src="https://www.googletagmanager.com/gtag/js?id=G-X"></script>
    <script>
        window.dataLayer = window.dataLayer || [];
        function gtag(){dataLayer.push(arguments);}
        gtag('js', new Date());
        gtag('config', 'G-X', {});
    </script>
    <script>window.report = 1</script></body></html>`;
  const offline = offlineReport(html);
  assert.doesNotMatch(offline, /googletagmanager|gtag/);
  assert.match(
    offline,
    /<meta charset="utf-8">\n {4}<meta http-equiv="Content-Security-Policy" content="default-src 'none';/,
  );
  assert.match(offline, /window\.report = 1/);
  assert.throws(() => offlineReport(html.replace("async src", "src")), AllureTemplateChanged);
});

test("Allure gets one result per check through allure-playwright, other tests one per test; a run begins empty", async () => {
  const dir = mkdtempSync(join(tmpdir(), "wc-allure-"));
  writeFileSync(join(dir, "stale-result.json"), "{}");
  const reporter = new AllureReporter({ resultsDir: dir, detail: false, suiteTitle: false });
  const location = { file: join(process.cwd(), "specs", "contract.spec.ts"), line: 1, column: 1 };
  const project = { name: "contract", testDir: join(process.cwd(), "specs"), repeatEach: 1 };
  const parent = { titlePath: () => ["", "contract", "contract.spec.ts"], project: () => project };
  const testCase = (id: string, title: string, tags: string[]) =>
    ({
      id,
      title,
      tags,
      annotations: [],
      expectedStatus: "passed",
      location,
      parent,
      titlePath: () => ["", "contract", title],
    }) as unknown as TestCase;
  const familyTest = testCase("1", "format checks", ["@people", "@format"]);
  const otherTest = testCase("2", "something else", ["@people"]);
  reporter.onConfigure({ rootDir: process.cwd(), projects: [project] } as unknown as FullConfig);
  reporter.onBegin({ allTests: () => [familyTest, otherTest] } as unknown as Suite);
  const reported = (id: string, outcome: Outcome, extra = {}) => ({
    ...check(id, outcome),
    check: id.split(".").at(-1),
    rule: "r",
    expected: "e",
    given: "g",
    requests: 1,
    ...extra,
  });
  const results = [
    reported("people.get-self/format.default-is-xml", "failed"),
    reported("people.list/format.default-is-xml", "deviated", {
      deviation: {
        profile: "cs-12",
        checks: "*/format.default-is-xml",
        reason: "JSON by default",
        source: "facts §3",
      },
    }),
  ];
  const ended = (attachments: TestResult["attachments"]) =>
    ({
      status: "passed",
      startTime: new Date(),
      duration: 5,
      errors: [],
      steps: [],
      stdout: [],
      stderr: [],
      retry: 0,
      parallelIndex: 0,
      attachments,
    }) as unknown as TestResult;
  for (const test of [familyTest, otherTest]) reporter.onTestBegin(test);
  await reporter.onTestEnd(
    familyTest,
    ended([
      {
        name: RESULTS_ATTACHMENT,
        contentType: "application/json",
        body: Buffer.from(JSON.stringify({ results })),
      },
      { name: results[0].id, contentType: "text/plain", body: Buffer.from("the evidence") },
    ]),
  );
  await reporter.onTestEnd(otherTest, ended([]));
  await reporter.onEnd();
  const files = readdirSync(dir);
  assert.ok(!files.includes("stale-result.json"));
  const written = files
    .filter((name) => name.endsWith("-result.json"))
    .map((name) => JSON.parse(readFileSync(join(dir, name), "utf8")))
    .sort((a, b) => a.name.localeCompare(b.name));
  assert.deepEqual(
    written.map((r) => [r.name, r.status]),
    [
      ["people.get-self/format.default-is-xml", "failed"],
      ["people.list/format.default-is-xml", "skipped"],
      ["something else", "passed"],
    ],
  );
  const label = (r: { labels: { name: string; value: string }[] }, name: string) =>
    r.labels.filter((l) => l.name === name).map((l) => l.value);
  assert.deepEqual(label(written[0], "severity"), ["critical"]);
  assert.deepEqual(label(written[0], "parentSuite"), ["people"]);
  assert.deepEqual(label(written[0], "story"), ["format.default-is-xml"]);
  assert.deepEqual(label(written[1], "deviation"), ["JSON by default (cs-12: facts §3)"]);
  assert.ok(label(written[1], "tag").includes("known-deviation"));
  assert.equal(readFileSync(join(dir, written[0].attachments[0].source), "utf8"), "the evidence");
  assert.deepEqual(written[1].attachments, []);
  assert.deepEqual(label(written[2], "parentSuite"), ["contract"]);
});

test("a fixed check fails the verdict only while it gates (WORKSPACE_FAIL_ON_FIXED, decided where it ran)", () => {
  const fixed = check("people.get-self/format.accept-xml", "fixed");
  assert.equal(fixed.gating, true);
  assert.match(verdictInWords([fixed], false), /^DOES NOT CONFORM \(1 fixed\)/);
  assert.doesNotMatch(verdictInWords([{ ...fixed, gating: false }], true), /DOES NOT CONFORM/);
});

test("failures group by rule and reason: one line for a rule broken on every operation, every operation in summary.md", () => {
  const failing = Array.from({ length: 241 }, (_, i) => ({
    ...check(`mod${i % 15}.op${i}/format.accept-json`, "failed"),
    why: "the answer is XML, not JSON",
  }));
  const other = { ...check("people.list/schema.json", "failed"), why: "the body is not\n  an envelope" };
  const groups = groupChecks([...failing, other]);
  assert.equal(groups.length, 2);
  assert.equal(
    groupInWords(groups[0]),
    'format.accept-json: "the answer is XML, not JSON" on 241 operations: mod0.op0, mod1.op1, mod2.op2, ... (+238)',
  );
  assert.equal(groupInWords(groups[1]), 'schema.json: "the body is not an envelope" on people.list');
  const lines = groupedLines("Failed checks", "✘", [...failing, other], "reports/summary.md");
  assert.equal(lines.length, 3);
  // Many distinct reasons: the console stays bounded, and says where the rest is.
  const distinct = failing.map((c, i) => ({ ...c, why: `reason ${i}` }));
  const bounded = groupedLines("Failed checks", "✘", distinct, "reports/summary.md");
  assert.equal(bounded.length, 22);
  assert.match(bounded[21], /and 221 more groups: every check in reports\/summary\.md and checks\.json/);
  const markdown = markdownOf(failing, false);
  for (const c of failing) assert.ok(markdown.includes(`\`${c.id}\``), c.id);
});

test("unavailable modules are read from the module checks: named in the verdict, the table and summary.md; a required one fails the run", () => {
  const missing = {
    ...check("crm.contacts/module.available", "skipped"),
    why: "module crm is unavailable: not installed: GET api/2.0/crm/contact.json answered 404 with a page (text/html), not the API's envelope; its checks are skipped",
  };
  const required = {
    ...check("mail.accounts/module.available", "failed"),
    why: 'module mail is required but unavailable: switched off: GET api/2.0/mail/accounts.json answered 403 "Forbidden"',
  };
  const checks = [
    missing,
    check("crm.contacts/status.success", "skipped"),
    check("people.list/module.available", "passed"),
  ];
  assert.deepEqual(unavailableModules(checks), [
    {
      module: "crm",
      required: false,
      reason:
        "not installed: GET api/2.0/crm/contact.json answered 404 with a page (text/html), not the API's envelope",
    },
  ]);
  assert.equal(verdictInWords(checks, true), "CONFORMS");
  assert.equal(
    unavailableInWords(unavailableModules([...checks, required])),
    "crm (not installed), mail (switched off, required)",
  );
  assert.equal(
    verdictInWords([...checks, required], false),
    "DOES NOT CONFORM (required module mail unavailable)",
  );
  assert.equal(outcomeTable(checks)[1][0], "crm (unavailable)");
  const markdown = markdownOf(checks, true);
  assert.match(
    markdown,
    /## Unavailable modules \(1\): their checks are skipped\n\n- \*\*crm\*\*: not installed: /,
  );
});

test("reads with no record to read: one line per module naming its empty lists, in summary.md too; they do not gate", () => {
  const noRecord = (id: string, list: string) => ({
    ...check(id, "skipped"),
    why: `no record to read: ${list} answered an empty list`,
  });
  const checks = [
    noRecord("project.project-messages/status.success", "GET api/2.0/project"),
    noRecord("project.project-messages/schema.json", "GET api/2.0/project"),
    noRecord("project.milestone-tasks/status.success", "GET api/2.0/project/milestone"),
    {
      ...noRecord("files.file/status.success", "GET api/2.0/files/@my"),
      why: 'no record to read: GET api/2.0/files/@my answered an empty list at "files"',
    },
    {
      ...check("crm.contacts/status.success", "skipped"),
      why: "refused to send: set WORKSPACE_ALLOW_WRITES=true",
    },
    {
      ...check("crm.contact/status.success", "failed"),
      why: 'could not discover a value from GET api/2.0/crm/contact/filter: nothing at "[0].id" in its response',
    },
    check("people.list/status.success", "passed"),
  ];
  const modules = emptyListModules(checks);
  assert.deepEqual(
    modules.map((m) => emptyListInWords(m, 1)),
    [
      'files: 1 read had no record to read: the lists they look up are empty (GET api/2.0/files/@my (at "files"))',
      "project: 2 reads had no record to read: the lists they look up are empty (GET api/2.0/project +1 more)",
    ],
  );
  assert.doesNotMatch(modules.map((m) => emptyListInWords(m)).join("\n"), /WORKSPACE_ALLOW_WRITES/);
  assert.match(verdictInWords(checks.slice(0, 4), true), /^CONFORMS/);
  const markdown = markdownOf(checks, false);
  assert.match(
    markdown,
    /## Reads with no record to read [^\n]*\n\n- files: 1 read [^\n]*\n {2}`files.file`\n- project: 2 reads [^\n]*GET api\/2\.0\/project, GET api\/2\.0\/project\/milestone\)\n {2}`project.milestone-tasks`, `project.project-messages`/,
  );
});

test("coverage counts per module, GETs too, and a skipped or module check exercises nothing", () => {
  const ops = [
    { key: "people.list", section: "people", id: "list", method: "GET", path: "api/2.0/people" },
    { key: "group.list", section: "group", id: "list", method: "GET", path: "api/2.0/group" },
    { key: "group.create", section: "group", id: "create", method: "POST", path: "api/2.0/group" },
    { key: "files.my", section: "files", id: "my", method: "GET", path: "api/2.0/files/@my" },
  ];
  const covered = coverage(
    ops,
    [
      check("people.list/status.success", "passed"),
      check("group.list/status.success", "failed"),
      check("group.create/status.success", "passed"),
      check("files.my/status.success", "skipped"),
      check("files.my/module.available", "passed"),
    ],
    documentedOperations(),
  );
  const byModule = Object.fromEntries(covered.modules.map((m) => [m.module, m]));
  assert.deepEqual(
    [
      byModule.group.exercised,
      byModule.group.exercisedGet,
      byModule.people.exercisedGet,
      byModule.files.exercised,
    ],
    [2, 1, 1, 0],
  );
  assert.equal(byModule.crm.documentedGet > 50, true);
  assert.equal(
    covered.modules.reduce((n, m) => n + m.documentedGet, 0),
    covered.documentedGet,
  );
});

test("coverage counts the documented writes per module: checked, listed as not checked, and not yet checked", () => {
  const ops = [
    { key: "group.create", section: "group", id: "create", method: "POST", path: "api/2.0/group" },
    { key: "group.update", section: "group", id: "update", method: "PUT", path: "api/2.0/group/{id}" },
  ];
  // Read apart from the documented operations given to coverage(), as a run reads them.
  const send = documentedOperations().find((d) => d.verb === "PUT" && d.path === "mail/messages/send");
  assert.ok(send);
  const notChecked = [
    {
      operation: send,
      request: "PUT api/2.0/mail/messages/send",
      reason: "sends-mail-or-sms",
      why: "Sends the message to its recipients.",
      source: "module/ASC.Api/ASC.Api.Mail/MailApi.Messages.cs:529",
    },
  ];
  const covered = coverage(
    ops,
    [check("group.create/status.success", "passed"), check("group.update/status.success", "skipped")],
    documentedOperations(),
    notChecked,
  );
  const byModule = Object.fromEntries(covered.modules.map((m) => [m.module, m.writes]));
  // The skipped update is checked by the contract, not exercised by this run.
  assert.deepEqual(byModule.group, {
    documented: 8,
    checked: 2,
    exercised: 1,
    notChecked: 0,
    notYetChecked: 6,
  });
  assert.deepEqual(byModule.mail, {
    documented: 62,
    checked: 0,
    exercised: 0,
    notChecked: 1,
    notYetChecked: 61,
  });
  assert.deepEqual(byModule.feed, {
    documented: 1,
    checked: 0,
    exercised: 0,
    notChecked: 0,
    notYetChecked: 1,
  });
  assert.deepEqual(covered.writes, {
    documented: 521,
    checked: 2,
    exercised: 1,
    notChecked: 1,
    notYetChecked: 518,
  });
  const report = writesReport(covered);
  assert.equal(report.notChecked, 1);
  assert.deepEqual(report.modules.find((m) => m.module === "mail")?.notYetChecked, 61);
  assert.deepEqual(
    report.notCheckedWrites.map((w) => [w.module, w.request, w.reason]),
    [["mail", "PUT api/2.0/mail/messages/send", "sends-mail-or-sms"]],
  );
  const words = coverageInWords(covered);
  // The coverage line stays what the self-tests read, with the writes after it.
  assert.match(words, /^1 of 862 documented operations exercised \(0 of 341 GET\); /);
  assert.match(
    words,
    /; writes: 2 of 521 checked \(1 exercised\), 1 not checked \(listed with a reason\), 518 not yet checked$/,
  );
  const markdown = summaryMarkdown({ checks: [], verdictLine: "v", runPassed: true, coverage: covered });
  assert.match(markdown, /\n\| mail \| 0 \| 0 \| 1 \| 61 \| 62 \|\n/);
  assert.match(markdown, /\n\| all \| 2 \| 1 \| 1 \| 518 \| 521 \|\n/);
  assert.match(
    markdown,
    /\| `PUT api\/2\.0\/mail\/messages\/send` \| sends-mail-or-sms \| Sends the message to its recipients\. \| `module\/ASC\.Api\/ASC\.Api\.Mail\/MailApi\.Messages\.cs:529` \|/,
  );
});

test("the login family's checks count as checking POST api/2.0/authentication, which no contract file declares", () => {
  const counts = (checks: ReturnType<typeof check>[]) =>
    runCoverage(checks).modules.find((m) => m.module === "authentication")?.writes;
  // Checked whether or not it ran; exercised only when a login check ran.
  assert.deepEqual([counts([])?.checked, counts([])?.exercised], [1, 0]);
  const ran = counts([check("authentication.login/login.json-body", "passed")]);
  assert.equal(ran?.exercised, 1);
});
