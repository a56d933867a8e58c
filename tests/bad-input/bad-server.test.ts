import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { loadContracts } from "../../helpers/contract/loader";
import { type BadServer, type BadServerMode, startBadServer } from "../support/bad-server";
import { A_FEW_READS, runSuite, type SuiteRun } from "../support/run-suite";

/** A server that is not a healthy Workspace API: one message naming the problem and the fix, no stack. */
function against(server: BadServer, env: Record<string, string> = {}): Record<string, string> {
  return {
    ...A_FEW_READS,
    WORKSPACE_URL: server.url,
    WORKSPACE_USER: "conformance",
    WORKSPACE_PASSWORD: "not-the-password",
    ...env,
  };
}

function assertClear(run: SuiteRun, exitCode: number, message: RegExp): void {
  const output = run.stdout + run.stderr;
  assert.equal(run.exitCode, exitCode, output);
  assert.match(output, message);
  assert.doesNotMatch(output, /\n\s+at /, "no stack trace");
}

/**
 * "Fast", said without a clock (a busy machine makes any run slow): no check sat through a timeout,
 * and the server got the requests the checks needed, a few for the setup and about one a check.
 */
function assertNoWait(run: SuiteRun, server?: BadServer): void {
  const timedOut = run.checks.filter((c) => /no answer within|timed out/i.test(c.why));
  assert.deepEqual(
    timedOut.map((c) => `${c.id}: ${c.why}`),
    [],
    "no check waited for an answer that never came",
  );
  if (!server) return;
  // Measured: 23 requests for 6 checks (settings' schema checks), 41 for 27 (settings' schema, parity
  // and format checks); a read retried, or sent again for every check, would show here.
  const most = SETUP_REQUESTS + Math.ceil(1.5 * run.checks.length);
  assert.ok(server.requests <= most, `${server.requests} requests for ${run.checks.length} checks`);
}

/** The checks that ran are the ones asked for with --grep: a module's, of one family if given. */
function assertOnly(run: SuiteRun, section: string, family?: string): void {
  assert.ok(run.checks.length > 0, run.stdout);
  const others = run.checks.filter((c) => c.section !== section || (family && c.family !== family));
  assert.deepEqual(
    others.map((c) => c.id),
    [],
    `only ${section}${family ? `'s ${family}` : ""} checks`,
  );
}

/** The login, the fingerprint (a few reads) and a probe for each of the contract's modules. */
const SETUP_REQUESTS = 5 + loadContracts().length;

const endsTheRun: { mode: BadServerMode; env?: Record<string, string>; message: RegExp }[] = [
  {
    mode: "html-page",
    message: /answered an HTML page \(status 200\), not the API: WORKSPACE_URL may point at a login page/,
  },
  {
    mode: "redirect-to-login",
    message: /was redirected \(302 to \/sso\/login.*\): this is not the API\. Check WORKSPACE_URL/,
  },
  {
    mode: "deeply-nested-login",
    message:
      /Login to .* succeeded \(status 201\) but its answer cannot be read: XML nested too deeply \(more than 100 elements/,
  },
  { mode: "self-signed-tls", message: /TLS error .*set WORKSPACE_IGNORE_HTTPS_ERRORS=true/ },
  {
    mode: "silent",
    env: { WORKSPACE_TIMEOUT_MS: "1000" },
    message: /no answer within 1000 ms .*raise WORKSPACE_TIMEOUT_MS/,
  },
  {
    mode: "wrong-credentials",
    message:
      /Login as "conformance" failed \(status 401\): check WORKSPACE_USER and WORKSPACE_PASSWORD\. The suite tries only once/,
  },
];

// Each case is its own server and its own Playwright process. The tests start together; their runs
// take turns, one a core (runSuite's queue).
describe("a server that is not a healthy Workspace API", { concurrency: true }, () => {
  for (const { mode, env, message } of endsTheRun) {
    test(`${mode}: the run ends in its setup with one message naming the problem and the fix, after one login`, async () => {
      const server = await startBadServer(mode);
      try {
        const run = await runSuite({ name: `bad-input/${mode}`, env: against(server, env) });
        assertClear(run, 2, message);
        // Nothing past the login: no check ran, and the login was tried once (a wrong password, a
        // login that timed out, an HTML page: none is tried again).
        assert.deepEqual(run.checks, [], "no check ran");
        assert.ok(server.logins <= 1, `${server.logins} login attempts`);
        assert.equal(server.requests, server.logins, "no request but the login");
        if (mode === "wrong-credentials" || mode === "silent") assert.equal(server.logins, 1);
      } finally {
        await server.close();
      }
    });
  }

  test("a JSON API labelled text/html is no login page: the run goes on, the format checks name the Content-Type", async () => {
    // The reference's fault labels every JSON answer so, the login's included.
    const run = await runSuite({
      name: "bad-input/json-labelled-html",
      faults: ["json-labelled-html"],
      env: A_FEW_READS,
      args: ["--grep", "@people.*@format"],
    });
    assertClear(run, 1, /Conformance: \d+ checks/);
    assertNoWait(run);
    assertOnly(run, "people", "format");
    const check = run.checks.find((c) => c.id === "people.get-self/format.json-suffix");
    assert.equal(check?.why, 'the answer is "text/html; charset=utf-8", not JSON');
  });

  describe("bodies that cannot be read: the run goes on, the affected checks fail with a readable why", () => {
    const servers: Partial<Record<BadServerMode, BadServer>> = {};
    before(async () => {
      servers["self-signed-tls"] = await startBadServer("self-signed-tls");
      servers["huge-body"] = await startBadServer("huge-body");
    });
    after(async () => {
      for (const server of Object.values(servers)) await server.close();
    });

    test("malformed JSON and XML (over self-signed TLS, accepted with WORKSPACE_IGNORE_HTTPS_ERRORS=true)", async () => {
      const server = servers["self-signed-tls"] as BadServer;
      const run = await runSuite({
        name: "bad-input/malformed-bodies",
        env: against(server, { WORKSPACE_IGNORE_HTTPS_ERRORS: "true" }),
        args: ["--grep", "@settings.*@schema"],
      });
      assertClear(run, 1, /Conformance: \d+ checks/);
      assertNoWait(run, server);
      assertOnly(run, "settings", "schema");
      // Reads with effects are not sent to a remote deployment (skipped, with their reason).
      const schema = run.checks.filter((c) => c.family === "schema" && c.outcome !== "skipped");
      assert.ok(schema.length >= 2 && schema.every((c) => c.outcome === "failed"), JSON.stringify(schema));
      // A read whose id comes from a list the server garbles too fails on that list, in the same words.
      for (const check of schema)
        assert.match(
          check.why,
          /^not well-formed (JSON|XML): |: its answer is not well-formed JSON or XML \(/,
        );
      assert.ok(schema.some((c) => /^not well-formed JSON: /.test(c.why)));
    });

    test("JSON and XML nested thousands deep: the checks fail in the suite's words, parity says which form", async () => {
      const server = await startBadServer("deeply-nested-bodies");
      try {
        const run = await runSuite({
          name: "bad-input/deeply-nested-bodies",
          env: against(server),
          args: ["--grep", "@settings.*@(schema|parity|format)"],
        });
        assertClear(run, 1, /Conformance: \d+ checks/);
        assertNoWait(run, server);
        assertOnly(run, "settings");
        const why = (id: string) => run.checks.find((c) => c.id === `settings.version-build/${id}`)?.why;
        const tooDeep = {
          json: "JSON nested too deeply (more than 100 levels)",
          xml: "XML nested too deeply (more than 100 elements inside one another)",
        };
        assert.equal(why("schema.json"), tooDeep.json);
        assert.equal(why("schema.xml"), tooDeep.xml);
        assert.equal(why("format.default-is-xml"), `the body is ${tooDeep.xml}`);
        assert.equal(
          why("parity.xml-matches-json"),
          `the .json form could not be read, so the two cannot be compared: ${tooDeep.json}`,
        );
        assert.doesNotMatch(run.stdout + run.stderr, /Maximum call stack/);
      } finally {
        await server.close();
      }
    });

    test("a body far larger than any API answer", async () => {
      const server = servers["huge-body"] as BadServer;
      const run = await runSuite({
        name: "bad-input/huge-body",
        env: against(server),
        args: ["--grep", "@settings.*@schema"],
      });
      assertClear(run, 1, /Conformance: \d+ checks/);
      assertNoWait(run, server);
      assertOnly(run, "settings", "schema");
      assert.ok(run.failed.length > 0, run.stdout);
      const bodyChecks = run.checks.filter((c) => c.family === "schema" && c.outcome !== "skipped");
      assert.ok(bodyChecks.length > 0 && bodyChecks.every((c) => c.outcome === "failed"), run.stdout);
      for (const check of bodyChecks) assert.match(check.why, /too large to read: \d+ bytes/, check.why);
    });
  });
});
