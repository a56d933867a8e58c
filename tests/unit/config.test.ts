import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError, loadConfig } from "../../helpers/run/config";

const withUrl = (url: string) =>
  loadConfig({ WORKSPACE_URL: url, WORKSPACE_USER: "u", WORKSPACE_PASSWORD: "p" });

test("the portal root is normalised: trailing slash, path prefix, a given api/2.0 tail", () => {
  assert.equal(withUrl("https://host.example").url, "https://host.example/");
  assert.equal(withUrl("https://host.example/").url, "https://host.example/");
  assert.equal(withUrl("https://host.example/portal").url, "https://host.example/portal/");
  assert.equal(withUrl("https://host.example/portal/api/2.0/").url, "https://host.example/portal/");
});

test("no URL means the embedded reference, with writes allowed", () => {
  const config = loadConfig({});
  assert.equal(config.url, undefined);
  assert.equal(config.allowWrites, true);
  assert.equal(
    config.allowSettingsWrites,
    true,
    "the reference checks the settings that lock people out too",
  );
});

test("a remote deployment is read-only unless told", () => {
  assert.equal(withUrl("https://host.example").allowWrites, false);
  assert.equal(withUrl("https://host.example").allowSettingsWrites, false);
});

test("settings that could lock people out are a second opt-in", () => {
  const env = { WORKSPACE_URL: "https://h.example", WORKSPACE_USER: "u", WORKSPACE_PASSWORD: "p" };
  const writes = loadConfig({ ...env, WORKSPACE_ALLOW_WRITES: "true" });
  assert.deepEqual([writes.allowWrites, writes.allowSettingsWrites], [true, false]);
  const both = loadConfig({
    ...env,
    WORKSPACE_ALLOW_WRITES: "true",
    WORKSPACE_ALLOW_SETTINGS_WRITES: "true",
  });
  assert.deepEqual([both.allowWrites, both.allowSettingsWrites], [true, true]);
  assert.throws(
    () => loadConfig({ ...env, WORKSPACE_ALLOW_SETTINGS_WRITES: "maybe" }),
    /must be true or false/,
  );
});

test("bad configuration is a ConfigError that says what to fix", () => {
  assert.throws(
    () => loadConfig({ WORKSPACE_URL: "staging" }),
    (e: Error) => e instanceof ConfigError && /not a URL/.test(e.message),
  );
  assert.throws(() => loadConfig({ WORKSPACE_URL: "https://h.example" }), /WORKSPACE_USER/);
  assert.throws(
    () => loadConfig({ WORKSPACE_TIMEOUT_MS: "soon" }),
    /WORKSPACE_TIMEOUT_MS must be a positive whole number/,
  );
  assert.throws(
    () => loadConfig({ WORKSPACE_URL: "ftp://h.example", WORKSPACE_USER: "u", WORKSPACE_PASSWORD: "p" }),
    /http or https/,
  );
});
