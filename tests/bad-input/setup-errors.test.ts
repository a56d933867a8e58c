import assert from "node:assert/strict";
import { test } from "node:test";
import { runSuite } from "../support/run-suite";

/**
 * A mistake in the setup ends the run at once with one message naming it, and no stack trace. "At
 * once" is said without a clock (load makes any run slow): the run ends before any check, and an
 * unreachable deployment is a refused connection, not a wait for a timeout.
 */
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
  test(`${name}: one clear message, exit 2, before any check`, async () => {
    const run = await runSuite({ name: `bad-input/${name}`, env });
    assert.equal(run.exitCode, 2, run.stdout + run.stderr);
    assert.match(run.stderr, message);
    assert.doesNotMatch(run.stderr + run.stdout, /\n\s+at /, "no stack trace");
    assert.deepEqual(run.checks, [], "no check ran");
    assert.doesNotMatch(
      run.stderr + run.stdout,
      /no answer within|timed out/i,
      "nothing waited for a timeout",
    );
  });
}
