import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { loadContracts } from "../../helpers/contract/loader";
import { REFERENCE_ADMIN, startReference } from "../../reference";
import { A_FEW_READS, ROOT, runSuite, SELF_TEST_RATE_LIMIT, type SuiteRun } from "../support/run-suite";

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

/** The modules a small portal has (issue 13): every other module of the contract is missing. */
const PRESENT = ["people", "group", "files", "portal", "settings"];
/** One missing module is switched off by the admin; the rest are not installed. */
const SWITCHED_OFF = "project";

describe("a deployment without some modules", () => {
  test("only people, group, files, portal and settings: green, every missing module named in every report, its checks skipped (one probe each); required, red", async () => {
    const modules = loadContracts().map((section) => section.name);
    const missing = modules.filter((m) => !PRESENT.includes(m)).sort();
    assert.ok(missing.includes(SWITCHED_OFF) && missing.length >= 10, missing.join(", "));
    const notInstalled = missing.filter((m) => m !== SWITCHED_OFF);
    const reference = await startReference({
      withoutModules: notInstalled,
      disabledModules: [SWITCHED_OFF],
      rateLimit: { limit: SELF_TEST_RATE_LIMIT, windowSeconds: 10 },
    });
    try {
      // Each module's first three reads: what a missing module does to a run is the point, not the
      // contract's breadth (the conforming reference test's).
      const env = {
        ...A_FEW_READS,
        WORKSPACE_URL: reference.url,
        WORKSPACE_USER: REFERENCE_ADMIN.user,
        WORKSPACE_PASSWORD: REFERENCE_ADMIN.password,
      };
      const green = await runSuite({ name: "conforming/modules-missing", env });
      assert.equal(green.exitCode, 0, `${green.stdout.slice(-3000)}\n${green.stderr.slice(-2000)}`);
      assert.deepEqual(green.failed, []);
      const verdict = green.stdout.match(/Conformance: .*: CONFORMS; unavailable modules: ([^;\n]*)/);
      assert.ok(verdict, green.stdout.slice(-3000));
      const reasonOf = (m: string) => (m === SWITCHED_OFF ? "switched off" : "not installed");
      assert.deepEqual(verdict[1].split(", ").sort(), missing.map((m) => `${m} (${reasonOf(m)})`).sort());
      for (const [where, text] of Object.entries(reports(green, "conforming/modules-missing"))) {
        for (const m of missing) {
          assert.match(text, new RegExp(`\\b${m}\\b[^\\n]*${reasonOf(m)}`), `${where} names ${m}`);
        }
      }
      const ofModule = (m: string) => green.checks.filter((c) => c.section === m);
      for (const module of missing) {
        assert.ok(ofModule(module).length > 0, module);
        for (const check of ofModule(module)) {
          assert.equal(check.outcome, "skipped", check.id);
          assert.match(check.why, new RegExp(`module ${module} is unavailable`), check.id);
        }
      }
      for (const module of PRESENT) {
        assert.ok(
          ofModule(module).some((c) => c.outcome === "passed"),
          `${module} is present and checked`,
        );
        assert.ok(
          ofModule(module).every((c) => c.outcome !== "skipped" || /WORKSPACE_ALLOW_WRITES/.test(c.why)),
        );
      }
      // Found out once per module: the probe is the only request each missing module's routes received.
      for (const module of missing) {
        const sent = reference.requests().filter((r) => new RegExp(`/api/2\\.0/${module}\\b`).test(r.path));
        assert.equal(sent.length, 1, `${module}: ${JSON.stringify(sent.map((r) => r.path))}`);
      }

      const required = [notInstalled[0], SWITCHED_OFF];
      const red = await runSuite({
        name: "conforming/modules-required",
        env: { ...env, WORKSPACE_REQUIRED_MODULES: `people,${required.join(",")}` },
      });
      assert.equal(red.exitCode, 1);
      assert.deepEqual(
        red.failed.map((c) => c.id.replace(/\..*\//, "./")),
        required.map((m) => `${m}./module.available`),
      );
      assert.match(
        red.stdout,
        new RegExp(
          `DOES NOT CONFORM \\(required modules ${required.join(", ")} unavailable\\); unavailable modules: .*${required[0]} \\(not installed, required\\)`,
        ),
      );
      assert.match(red.stdout, new RegExp(`${SWITCHED_OFF} \\(switched off, required\\)`));
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
