import assert from "node:assert/strict";
import { test } from "node:test";
import { runSuite } from "../support/run-suite";

/** A mistake in the setup ends the run at once with one message naming it, and no stack trace. */
const cases: { name: string; env: Record<string, string>; message: RegExp }[] = [
  { name: "not-a-url", env: { WORKSPACE_URL: "staging" }, message: /WORKSPACE_URL is not a URL: "staging"/ },
  {
    name: "missing-password",
    env: { WORKSPACE_URL: "https://staging.invalid", WORKSPACE_USER: "u" },
    message: /WORKSPACE_PASSWORD is not/,
  },
  {
    name: "unreachable",
    env: { WORKSPACE_URL: "http://127.0.0.1:9", WORKSPACE_USER: "u", WORKSPACE_PASSWORD: "p" },
    message: /Cannot reach http:\/\/127\.0\.0\.1:9\/: connection refused/,
  },
];

for (const { name, env, message } of cases) {
  test(`${name}: one clear message, exit 2, within seconds`, async () => {
    const run = await runSuite({ name: `bad-input/${name}`, env });
    assert.equal(run.exitCode, 2, run.stdout + run.stderr);
    assert.match(run.stderr, message);
    assert.doesNotMatch(run.stderr + run.stdout, /\n\s+at /, "no stack trace");
    assert.ok(run.ms < 30_000, `took ${run.ms} ms`);
  });
}
