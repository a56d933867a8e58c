import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { REFERENCE_ADMIN, startReference } from "../../reference";
import { ROOT, runSuite, type SuiteRun } from "../support/run-suite";

/** Everything a run reports, as text: the console, summary.md, checks.json and junit.xml. */
function reports(run: SuiteRun, name: string): Record<string, string> {
  const dir = join(ROOT, "reports", "self-test", name);
  const read = (file: string) => readFileSync(join(dir, file), "utf8");
  return {
    console: run.stdout,
    summary: read("summary.md"),
    checks: read("checks.json"),
    junit: read("junit.xml"),
  };
}

describe("a deployment without some modules", () => {
  test("files not installed and group switched off: green, both named in every report, their checks skipped (one probe each); required, red", async () => {
    const reference = await startReference({
      withoutModules: ["files"],
      disabledModules: ["group"],
      rateLimit: { limit: 5000, windowSeconds: 10 },
    });
    try {
      const env = {
        WORKSPACE_URL: reference.url,
        WORKSPACE_USER: REFERENCE_ADMIN.user,
        WORKSPACE_PASSWORD: REFERENCE_ADMIN.password,
      };
      const green = await runSuite({ name: "conforming/modules-missing", env });
      assert.equal(green.exitCode, 0, `${green.stdout.slice(-3000)}\n${green.stderr.slice(-2000)}`);
      assert.deepEqual(green.failed, []);
      assert.match(
        green.stdout,
        /Conformance: .*: CONFORMS; unavailable modules: files \(not installed\), group \(switched off\);/,
      );
      for (const [where, text] of Object.entries(reports(green, "conforming/modules-missing"))) {
        assert.match(text, /files[^\n]*not installed/, `${where} names files`);
        assert.match(text, /group[^\n]*switched off/, `${where} names group`);
      }
      const ofModule = (m: string) => green.checks.filter((c) => c.section === m);
      for (const module of ["files", "group"]) {
        assert.ok(ofModule(module).length > 10);
        for (const check of ofModule(module)) {
          assert.equal(check.outcome, "skipped", check.id);
          assert.match(check.why, new RegExp(`module ${module} is unavailable`), check.id);
        }
      }
      assert.ok(
        ofModule("people").every((c) => c.outcome !== "skipped" || /WORKSPACE_ALLOW_WRITES/.test(c.why)),
      );
      // Found out once per module: the probe is the only request either module's routes received.
      const sentTo = (m: string) =>
        reference.requests().filter((r) => new RegExp(`/api/2\\.0/${m}\\b`).test(r.path));
      assert.equal(sentTo("files").length, 1, JSON.stringify(sentTo("files")));
      assert.equal(sentTo("group").length, 1, JSON.stringify(sentTo("group")));

      const red = await runSuite({
        name: "conforming/modules-required",
        env: { ...env, WORKSPACE_REQUIRED_MODULES: "people,files,group" },
      });
      assert.equal(red.exitCode, 1);
      assert.deepEqual(
        red.failed.map((c) => c.id),
        ["files.my/module.available", "group.list/module.available"],
      );
      assert.match(
        red.stdout,
        /DOES NOT CONFORM \(required modules files, group unavailable\); unavailable modules: files \(not installed, required\), group \(switched off, required\)/,
      );
    } finally {
      await reference.close();
    }
  });

  test("a required module that is no module of the contract is a setup mistake: exit 2, one line, nothing sent", async () => {
    const run = await runSuite({
      name: "conforming/modules-unknown",
      env: { WORKSPACE_REQUIRED_MODULES: "people,crmx" },
    });
    assert.equal(run.exitCode, 2);
    assert.match(
      run.stdout + run.stderr,
      /WORKSPACE_REQUIRED_MODULES names "crmx", which is not a module of the contract/,
    );
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /);
  });
});
