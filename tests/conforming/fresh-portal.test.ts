import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { selectPath } from "../../helpers/checks/operations";
import { StandInRecords } from "../../helpers/checks/stand-in-records";
import { contractIndex } from "../../helpers/contract/loader";
import { EMPTY_LISTS_TITLE } from "../../helpers/reporters/empty-lists";
import { type EmptyPortal, REFERENCE_ADMIN, type RunningReference, startReference } from "../../reference";
import { leftoversOn, writesReceived } from "../support/leftovers-on";
import { ROOT, runSuite, SELF_TEST_RATE_LIMIT } from "../support/run-suite";

const NO_RECORD = /^no record to read: GET (api\/2\.0\/\S+) answered an empty list(?: at "([^"]+)")?$/;
/** A check a read-only run does not send: a write, or a read with side effects. */
const WRITE_REFUSED = /WORKSPACE_ALLOW_WRITES/;

/** The CRM's lists that exist only once someone opened the CRM (ProductEntryPoint.ConfigurePortal). */
const CRM_BUILT_IN_LISTS = [
  "GET api/2.0/crm/contact/status",
  "GET api/2.0/crm/contact/type",
  "GET api/2.0/crm/opportunity/stage",
  "GET api/2.0/crm/task/category",
];

/** What the reference answers to `GET path` (JSON), as its admin. */
async function read(reference: RunningReference, path: string): Promise<unknown> {
  const login = await fetch(`${reference.url}api/2.0/authentication.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ userName: REFERENCE_ADMIN.user, password: REFERENCE_ADMIN.password }),
  });
  const { token } = ((await login.json()) as { response: { token: string } }).response;
  const answer = await fetch(`${reference.url}${path}.json`, { headers: { Authorization: token } });
  return ((await answer.json()) as { response: unknown }).response;
}

/** The console's lines under EMPTY_LISTS_TITLE: `module: n reads had no record to read: ...`. */
function emptyListLines(stdout: string): string[] {
  const lines = stdout.split("\n");
  const start = lines.indexOf(EMPTY_LISTS_TITLE);
  if (start < 0) return [];
  const own = lines.slice(start + 1);
  const end = own.findIndex((line) => !line.startsWith("  ⊘ "));
  return own.slice(0, end < 0 ? own.length : end).map((line) => line.slice(4));
}

describe("a freshly installed portal, read-only (reference --empty)", () => {
  test("an unknown WORKSPACE_REFERENCE_EMPTY is a setup mistake: exit 2, one line naming the kinds, no check run", async () => {
    const run = await runSuite({
      name: "conforming/fresh-unknown",
      env: { WORKSPACE_REFERENCE_EMPTY: "crm" },
    });
    assert.equal(run.exitCode, 2, run.stdout + run.stderr);
    assert.match(run.stdout + run.stderr, /unknown empty portal "crm": one of crm-opened, crm-never-opened/);
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /);
    assert.deepEqual(run.checks, []);
  });

  // The never-opened portal also answers sparse records (optional members absent, a null list left
  // out): a fresh portal of a real server is both.
  for (const empty of ["crm-opened", "crm-never-opened"] satisfies EmptyPortal[]) {
    const variants = empty === "crm-never-opened" ? ["sparse"] : [];
    test(`--empty=${empty}${variants.map((v) => ` --variant ${v}`).join("")}: exit 0, no failed check; each read from an empty list skipped, naming a list that is empty; one console line per module`, async (t) => {
      const reference = await startReference({
        empty,
        variants,
        rateLimit: { limit: SELF_TEST_RATE_LIMIT, windowSeconds: 10 },
      });
      try {
        const name = `conforming/fresh-${empty}`;
        const run = await runSuite({
          name,
          env: {
            WORKSPACE_URL: reference.url,
            WORKSPACE_USER: REFERENCE_ADMIN.user,
            WORKSPACE_PASSWORD: REFERENCE_ADMIN.password,
          },
        });
        const failures = run.failed.map((c) => `${c.id}: ${c.why}`).join("\n");
        assert.equal(run.exitCode, 0, `${failures}\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`);
        assert.equal(failures, "");
        assert.deepEqual(writesReceived(reference), [], "read-only: no write reached the portal");
        assert.match(
          run.stdout,
          /Conformance: \d+ checks, \d+ passed, 0 failed, 0 deviated, \d+ skipped.*: CONFORMS/,
        );

        const skipped = run.checks.filter((c) => c.outcome === "skipped");
        const noRecord = skipped.filter((c) => NO_RECORD.test(c.why));
        assert.deepEqual(
          skipped
            .filter((c) => !NO_RECORD.test(c.why) && !WRITE_REFUSED.test(c.why))
            .map((c) => `${c.id}: ${c.why}`),
          [],
          "every skipped check says why: a write, or a read with no record and the list that was empty",
        );
        // The reason is true: each list named is empty on the portal, where the check says.
        const lists = new Map(noRecord.map((c) => [c.why, NO_RECORD.exec(c.why) as RegExpExecArray]));
        for (const [why, [, path, at]] of lists) {
          const answer = await read(reference, path);
          const list = at ? selectPath(answer, at) : answer;
          // A list member left out is an empty list (EmitDefaultValue=false; operations.ts emptyListOn).
          if (!(at && list === undefined)) assert.deepEqual(list, [], why);
        }
        const named = new Set([...lists.values()].map(([, path]) => `GET ${path}`));
        for (const list of CRM_BUILT_IN_LISTS)
          assert.equal(named.has(list), empty === "crm-never-opened", `${list} is empty on --empty=${empty}`);
        for (const list of ["GET api/2.0/project", "GET api/2.0/crm/contact/filter"])
          assert.ok(named.has(list), `${list} is empty on any fresh portal`);

        // Once per module on the console, with the number of its reads that had no record.
        const modules = [...new Set(noRecord.map((c) => c.section))].sort();
        const lines = emptyListLines(run.stdout);
        assert.deepEqual(
          lines.map((line) => line.split(":")[0]),
          modules,
          run.stdout.slice(-4000),
        );
        for (const module of modules) {
          const reads = new Set(noRecord.filter((c) => c.section === module).map((c) => c.id.split("/")[0]));
          const line = lines.find((l) => l.startsWith(`${module}:`)) ?? "";
          assert.match(
            line,
            new RegExp(
              `^${module}: ${reads.size} reads? had no record to read: the lists they look up are empty \\(GET api/2\\.0/`,
            ),
          );
          assert.doesNotMatch(
            line,
            WRITE_REFUSED,
            "no write of the suite would fill a list the deployment answers",
          );
        }
        const summary = readFileSync(join(ROOT, "reports", "self-test", name, "summary.md"), "utf8");
        for (const module of modules)
          assert.match(summary, new RegExp(`\\n- ${module}: \\d+ reads? had no record to read`));
        t.diagnostic(
          `${run.checks.length} checks, ${noRecord.length} skipped for no record (${lines.join("; ")}), ${run.ms} ms`,
        );
      } finally {
        await reference.close();
      }
    });
  }
});

describe("a freshly installed portal, writes allowed (reference --empty)", () => {
  test("--empty=crm-opened with WORKSPACE_ALLOW_WRITES=true: the reads whose list the contract's creates fill run on records the run made; only the others are skipped; nothing is left", async (t) => {
    const reference = await startReference({
      empty: "crm-opened",
      rateLimit: { limit: SELF_TEST_RATE_LIMIT, windowSeconds: 10 },
    });
    try {
      const run = await runSuite({
        name: "conforming/fresh-writes",
        env: {
          WORKSPACE_URL: reference.url,
          WORKSPACE_USER: REFERENCE_ADMIN.user,
          WORKSPACE_PASSWORD: REFERENCE_ADMIN.password,
          WORKSPACE_ALLOW_WRITES: "true",
        },
      });
      const failures = run.failed.map((c) => `${c.id}: ${c.why}`).join("\n");
      assert.equal(run.exitCode, 0, `${failures}\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`);
      const standIns = new StandInRecords(contractIndex(), { allowWrites: true, disposable: false }, () => {
        throw new Error("not sent here");
      });
      const noRecord = run.checks.filter((c) => c.outcome === "skipped" && NO_RECORD.test(c.why));
      const fillable = noRecord.filter((c) => {
        const [, path, at] = NO_RECORD.exec(c.why) as RegExpExecArray;
        return standIns.createFor(`GET ${path}`, at ?? "");
      });
      assert.deepEqual(
        fillable.map((c) => `${c.id}: ${c.why}`),
        [],
        "a list a create fills is filled",
      );
      // The reads a read-only run skips for GET api/2.0/community/blog ran, on the run's own post.
      const blogPost = run.checks.filter((c) => c.id.startsWith("community.blog-post/"));
      assert.ok(
        blogPost.length > 0 && blogPost.every((c) => c.outcome === "passed"),
        JSON.stringify(blogPost),
      );
      assert.deepEqual(await leftoversOn(reference), [], "nothing named wc-... is left");
      assert.deepEqual(reference.dataChanges(), [], "nor anything changed in the records served from data");
      t.diagnostic(
        `${run.checks.length} checks, ${noRecord.length} still skipped for no record, ${run.ms} ms`,
      );
    } finally {
      await reference.close();
    }
  });
});
