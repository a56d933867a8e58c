import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { contracts } from "../../helpers/contract/loader";
import { REFERENCE_ADMIN, type RunningReference, startReference } from "../../reference";
import { BAD_SERVER_TOKEN, startBadServer } from "../support/bad-server";
import { leftoversOn, writesReceived } from "../support/leftovers-on";
import { A_FEW_READS, ROOT, runSuite, SELF_TEST_RATE_LIMIT, SETTINGS } from "../support/run-suite";

const SELF_TEST_LIMIT = { limit: SELF_TEST_RATE_LIMIT, windowSeconds: 10 };

import { findSecrets, reportTexts } from "../support/secret-scan";

const blankSettings = Object.fromEntries(SETTINGS.map((name) => [name, ""]));
const remote = (reference: RunningReference, env: Record<string, string> = {}) => ({
  WORKSPACE_URL: reference.url,
  WORKSPACE_USER: REFERENCE_ADMIN.user,
  WORKSPACE_PASSWORD: REFERENCE_ADMIN.password,
  WORKSPACE_ALLOW_WRITES: "true",
  ...env,
});

// The tests start together; their runs take turns, one a core (runSuite's queue), so one's waits
// (a timeout, a paced window) overlap another's work.
describe("safe against a shared deployment", { concurrency: true }, () => {
  test("a failing run with writes and every report: nothing left behind, no secret in any report, the fingerprint in each", async () => {
    // A broken rule on the very operations that create records, so the tests that create them fail.
    // The limit the suite is told (run-suite.ts): a run of ~800 requests is not to meet 503s.
    const reference = await startReference({ faults: ["create-returns-200"], rateLimit: SELF_TEST_LIMIT });
    try {
      const name = "safety/failing-full-reports";
      const run = await runSuite({
        name,
        fullReports: true,
        // Each module's first three reads and all its writes: what is left behind is the point, not the breadth.
        env: remote(reference, A_FEW_READS),
        args: ["contract.spec.ts", "--grep", "@status|@auth|@login"],
      });
      const output = run.stdout + run.stderr;
      assert.equal(run.exitCode, 1, output);
      assert.ok(
        run.failed.some((c) => c.id.endsWith(".create/status.success")),
        output,
      );
      assert.deepEqual(await leftoversOn(reference), []);
      const records = output.match(/(\d+) records created, (\d+) removed/);
      assert.ok(records && Number(records[1]) > 0 && records[1] === records[2], output);

      const dir = join(ROOT, "reports", "self-test", name);
      const texts = [...reportTexts(dir), { name: "console", text: output }];
      assert.ok(
        texts.some((t) => /html\/index\.html \(embedded zip\)!report\.json$/.test(t.name)),
        "the HTML report's data was read",
      );
      const tokens = reference.issuedTokens();
      assert.ok(tokens.length > 0);
      const secrets = {
        password: REFERENCE_ADMIN.password,
        ...Object.fromEntries(tokens.map((t, i) => [`token #${i + 1}`, t])),
      };
      assert.deepEqual(findSecrets(texts, secrets), []);

      // The fingerprint: first in the console, then in every report.
      assert.match(run.stdout, new RegExp(`^Target: +${reference.url}\\nServer version: +communityServer `));
      assert.match(
        readFileSync(join(dir, "junit.xml"), "utf8"),
        /<property name="Server version" value="communityServer /,
      );
      assert.match(
        readFileSync(join(dir, "allure-results", "environment.properties"), "utf8"),
        /^Target=http/m, // written by allure-playwright from the fingerprint
      );
      const checksJson = JSON.parse(readFileSync(join(dir, "checks.json"), "utf8"));
      assert.equal(checksJson.deployment.target, reference.url);
      assert.ok(
        texts.some((t) => t.name.endsWith("report.json") && t.text.includes('"Server version"')),
        "HTML report metadata",
      );
    } finally {
      await reference.close();
    }
  });

  test("a deployment that echoes what it received (the login's body, the Authorization header): no secret in any report", async () => {
    const server = await startBadServer("echoing");
    const password = "echoed-secret-pass-4711";
    try {
      const name = "safety/echoing";
      const run = await runSuite({
        name,
        fullReports: true,
        env: {
          ...A_FEW_READS,
          WORKSPACE_URL: server.url,
          WORKSPACE_USER: "conformance",
          WORKSPACE_PASSWORD: password,
        },
        args: ["--grep", "@settings|@people.*@auth"],
      });
      const output = run.stdout + run.stderr;
      assert.ok(run.checks.length > 0, output);
      // The echo reached the fingerprint (its version is what the deployment said), redacted.
      assert.match(run.stdout, /^Server version: .*lastLogin .*\[REDACTED\]/m, output);
      const texts = [
        ...reportTexts(join(ROOT, "reports", "self-test", name)),
        { name: "console", text: output },
      ];
      assert.ok(
        texts.some((t) => t.name.endsWith("environment.properties")),
        "the Allure environment was written",
      );
      assert.deepEqual(findSecrets(texts, { password, token: BAD_SERVER_TOKEN }), []);
    } finally {
      await server.close();
    }
  });

  for (const mode of ["drops-connections", "trickling"] as const) {
    test(`requests that fail in transport (${mode}): no secret in any report, the HTML report's steps included`, async () => {
      const server = await startBadServer(mode);
      const password = "transport-secret-pass-4711";
      try {
        const name = `safety/${mode}`;
        const run = await runSuite({
          name,
          fullReports: true,
          env: {
            ...A_FEW_READS,
            WORKSPACE_URL: server.url,
            WORKSPACE_USER: "conformance",
            WORKSPACE_PASSWORD: password,
            WORKSPACE_TIMEOUT_MS: "1000",
          },
          args: ["--grep", "@people|@settings"],
        });
        const output = run.stdout + run.stderr;
        assert.ok(
          run.checks.some((c) => /the server closed the connection|no answer within 1000 ms/.test(c.why)),
          output,
        );
        const texts = [
          ...reportTexts(join(ROOT, "reports", "self-test", name)),
          { name: "console", text: output },
        ];
        assert.ok(
          texts.some((t) => /html\/index\.html \(embedded zip\)/.test(t.name)),
          "the HTML report was read",
        );
        assert.deepEqual(findSecrets(texts, { password, token: BAD_SERVER_TOKEN }), []);
      } finally {
        await server.close();
      }
    });
  }

  test("a read-only run lists nothing at teardown: a write the client refuses is never recorded as a creation", async () => {
    const reference = await startReference({ rateLimit: SELF_TEST_LIMIT });
    try {
      // Only creations and updates (each creates its record first), all refused without the flag.
      const run = await runSuite({
        name: "safety/read-only",
        env: remote(reference, { WORKSPACE_ALLOW_WRITES: "" }),
        args: ["--grep", "@people.*@request-body"],
      });
      assert.equal(run.exitCode, 0, run.stdout + run.stderr);
      assert.ok(run.checks.length > 0 && run.checks.every((c) => c.outcome === "skipped"), run.stdout);
      const received = reference.requests();
      assert.ok(
        !received.some((r) => r.method !== "GET" && !/authentication/.test(r.path)),
        "nothing written",
      );
      // What teardown reads in full when it searches for a creation whose answer never came. Global
      // setup's module probes read a module's first list once each; a teardown search would read again.
      const listings = received
        .map((r) => r.path)
        .filter((path) => /\/api\/2\.0\/(people|group|files\/@my|files\/@common)(\.json|\.xml)?$/.test(path));
      assert.deepEqual(listings, [...new Set(listings)], "no list read twice");
    } finally {
      await reference.close();
    }
  });

  test("settings that could lock people out: skipped without WORKSPACE_ALLOW_SETTINGS_WRITES, written and set back with it; a restore that does not take fails the run, naming the value", async () => {
    // The settings-like writes of three modules (each module's first three reads besides).
    const settingsOnly = ["contract.spec.ts", "--grep", "@settings|@security|@portal"];
    const locking = contracts()
      .flatMap((section) => section.operations)
      .filter((op) => op.locksOut);
    assert.ok(locking.length >= 2, "the contract marks the settings that lock people out");
    const sentTo = (reference: RunningReference) =>
      writesReceived(reference).filter((write) =>
        locking.some(
          (op) => write === `${op.method} /${op.path}.json` || write.startsWith(`${op.method} /${op.path}.`),
        ),
      );
    const reference = await startReference({ rateLimit: SELF_TEST_LIMIT });
    try {
      const writesOnly = await runSuite({
        name: "safety/settings-without-opt-in",
        env: remote(reference, A_FEW_READS),
        args: settingsOnly,
      });
      assert.equal(writesOnly.exitCode, 0, writesOnly.stdout + writesOnly.stderr);
      const skipped = writesOnly.checks.filter((c) => c.outcome === "skipped");
      assert.deepEqual(
        [...new Set(skipped.map((c) => `${c.section}.${c.operation}`))].sort(),
        locking.map((op) => op.key).sort(),
        "exactly the settings marked locksOut are skipped",
      );
      assert.ok(
        skipped.every((c) => /WORKSPACE_ALLOW_SETTINGS_WRITES=true as well/.test(c.why)),
        skipped[0]?.why,
      );
      assert.deepEqual(sentTo(reference), [], "none of them was written");
      assert.ok(
        writesOnly.checks.some((c) => c.check === "restored" && c.outcome === "passed"),
        "the other settings were written and set back",
      );
      const optedIn = await runSuite({
        name: "safety/settings-opted-in",
        env: remote(reference, { ...A_FEW_READS, WORKSPACE_ALLOW_SETTINGS_WRITES: "true" }),
        args: settingsOnly,
      });
      assert.equal(optedIn.exitCode, 0, optedIn.stdout + optedIn.stderr);
      assert.equal(optedIn.checks.filter((c) => c.outcome === "skipped").length, 0);
      assert.ok(sentTo(reference).length > 0, "with the opt-in they were written: the check above can fail");
      assert.deepEqual(reference.dataChanges(), [], "every setting as it was before the runs");
    } finally {
      await reference.close();
    }
    const stuck = await startReference({ faults: ["restore-ignored"], rateLimit: SELF_TEST_LIMIT });
    try {
      const run = await runSuite({
        name: "safety/settings-not-set-back",
        env: remote(stuck, { ...A_FEW_READS, WORKSPACE_ALLOW_SETTINGS_WRITES: "true" }),
        args: ["contract.spec.ts", "--grep", "@settings"],
      });
      assert.notEqual(run.exitCode, 0, "a setting not set back fails the run");
      const restored = run.failed.find((c) => c.id === "settings.password-settings-update/write.restored");
      const byHand =
        'set it back by hand: PUT api/2.0/settings/security/password.json with the body {"maxLength":120,"minLength":8,"upperCase":false,"digits":false,"specSymbols":false}';
      assert.ok(restored?.why.includes(byHand), restored?.why);
      assert.ok((run.stdout + run.stderr).includes(byHand), "printed where the person running it reads");
      assert.ok(
        stuck.dataChanges().length > 0,
        "the fault left the setting changed: what was printed is needed",
      );
    } finally {
      await stuck.close();
    }
  });

  test("an interrupted run (Ctrl-C while records exist) removes what it created", async () => {
    // A rate limit keeps the run going (the suite paces itself) while records exist: the interrupt
    // comes at its first creation, long before its last.
    const rateLimit = { limit: 100, windowSeconds: 10 };
    const reference = await startReference({ rateLimit });
    try {
      const created = () =>
        reference.requests().some((r) => r.method === "POST" && !/authentication/.test(r.path));
      const run = await runSuite({
        name: "safety/interrupted",
        env: remote(reference, {
          WORKSPACE_RATE_LIMIT: String(rateLimit.limit),
          WORKSPACE_RATE_WINDOW: String(rateLimit.windowSeconds),
        }),
        args: ["--grep", "@request-body"],
        interruptWhen: created,
      });
      assert.ok(created(), "records were created before the interrupt");
      assert.notEqual(run.exitCode, 0, run.stdout + run.stderr);
      const records = run.stdout.match(/(\d+) records created, (\d+) removed/);
      assert.ok(records && Number(records[1]) > 0 && records[1] === records[2], run.stdout + run.stderr);
      assert.deepEqual(await leftoversOn(reference, rateLimit), []);
    } finally {
      await reference.close();
    }
  });

  describe("npm run sweep", () => {
    let reference: RunningReference;
    // Asynchronous: the reference answers from this very process.
    const sweep = (args: string[], env: Record<string, string>) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ["--import", "tsx", "scripts/sweep.ts", ...args],
          {
            cwd: ROOT,
            encoding: "utf8",
            env: { ...process.env, ...blankSettings, ...remote(reference), ...env },
          },
          (error, stdout, stderr) => resolve({ status: error ? (error.code as number) : 0, stdout, stderr }),
        );
      });

    before(async () => {
      reference = await startReference();
      const post = async (path: string, body: object, token: string) =>
        (
          await fetch(new URL(path, reference.url), {
            method: "POST",
            headers: { Authorization: token, "Content-Type": "application/json", Accept: "application/json" },
            body: JSON.stringify(body),
          })
        ).json();
      const { response } = await post(
        "api/2.0/authentication.json",
        { userName: REFERENCE_ADMIN.user, password: REFERENCE_ADMIN.password },
        "",
      );
      const my = await (
        await fetch(new URL("api/2.0/files/@my.json", reference.url), {
          headers: { Authorization: response.token },
        })
      ).json();
      await post(
        "api/2.0/people.json",
        { firstname: "Left", lastname: "wc-old-w0-1", email: "wc-old-w0-1@conformance.test" },
        response.token,
      );
      await post("api/2.0/group.json", { groupName: "wc-old-w0-2" }, response.token);
      // A calendar, found by the calendars' read between dates (with --yes); the person is suspended before its removal.
      await post("api/2.0/calendar.json", { name: "wc-old-w0-4" }, response.token);
      await post(
        `api/2.0/files/folder/${my.response.current.id}.json`,
        { title: "wc-old-w0-3" },
        response.token,
      );
    });
    after(() => reference.close());

    test("lists leftovers of earlier runs, deletes only with --yes and WORKSPACE_ALLOW_WRITES=true, and says what it removed", async () => {
      const listed = await sweep([], { WORKSPACE_ALLOW_WRITES: "" });
      assert.equal(listed.status, 0, listed.stderr);
      // The calendars' list makes a default calendar for a caller without one: read only with --yes.
      assert.match(listed.stdout, /3 records .* named wc-/);
      assert.match(
        listed.stdout,
        /Not listed without --yes and WORKSPACE_ALLOW_WRITES=true .*calendar\.create-calendar/,
      );
      assert.match(listed.stdout, /Nothing deleted/);
      assert.equal((await leftoversOn(reference)).length, 4);

      const refused = await sweep(["--yes"], { WORKSPACE_ALLOW_WRITES: "" });
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /set WORKSPACE_ALLOW_WRITES=true/);
      assert.equal((await leftoversOn(reference)).length, 4);

      const swept = await sweep(["--yes"], {});
      assert.equal(swept.status, 0, swept.stdout + swept.stderr);
      assert.match(swept.stdout, /Swept 4 of 4 records/);
      assert.deepEqual(await leftoversOn(reference), []);
      const password = REFERENCE_ADMIN.password;
      assert.ok(![listed, refused, swept].some((r) => (r.stdout + r.stderr).includes(password)));
    });
  });
});
