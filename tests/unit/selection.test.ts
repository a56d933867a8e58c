import assert from "node:assert/strict";
import { test } from "node:test";
import { isMainProcess } from "../../helpers/contract/hand-over";
import {
  cliGrep,
  cliShard,
  exportCliSelection,
  selects,
  shardOf,
  tagsKeptByInvert,
} from "../../helpers/contract/selection";

test("the CLI's grep is read in every spelling Playwright accepts, the last one winning", () => {
  assert.deepEqual(cliGrep(["test", "--grep", "@people"]), { grep: "@people" });
  assert.deepEqual(cliGrep(["test", "--grep=@a", "-g", "@b"]), { grep: "@b" });
  assert.deepEqual(cliGrep(["test", "-g@files"]), { grep: "@files" });
  assert.deepEqual(cliGrep(["test", "--grep-invert", "@format", "--workers=1"]), { grepInvert: "@format" });
  assert.deepEqual(cliGrep(["test", "--grep-invert=@x"]), { grepInvert: "@x" });
  assert.deepEqual(cliGrep(["test", "--global-timeout", "5"]), {});
});

test("steps are selected as Playwright selects tests: case-insensitive patterns, /re/ literals, inversion", () => {
  const step = "contract.spec.ts schema checks people.get-self @people @schema";
  const env = (grep = "", invert = "") => ({ WC_GREP: grep, WC_GREP_INVERT: invert });
  assert.equal(selects(step, env()), true);
  assert.equal(selects(step, env("@people")), true);
  assert.equal(selects(step, env("@group")), false);
  assert.equal(selects(step, env("@PEOPLE.*@schema")), true);
  assert.equal(selects(step, env("/@PEOPLE/")), false);
  assert.equal(selects(step, env("@people|@group")), true);
  assert.equal(selects(step, env("", "@people")), false);
  assert.equal(selects(step, env("@schema", "get-self")), false);
});

test("the main process exports its grep and shard, even none, so nothing stale is inherited", () => {
  const env: NodeJS.ProcessEnv = { WC_GREP: "@stale", WC_SHARD: "1/9" };
  exportCliSelection(["test", "--grep", "@people", "--shard", "2/3"], env);
  assert.equal(env.WC_GREP, "@people");
  assert.deepEqual(shardOf(env), { current: 2, total: 3 });
  exportCliSelection(["test"], env);
  assert.equal(env.WC_GREP, "");
  assert.equal(shardOf(env), undefined);
});

test("the first process to ask is the main one; processes inheriting its marker are not", () => {
  const env: NodeJS.ProcessEnv = {};
  assert.equal(isMainProcess(env), true);
  assert.equal(isMainProcess(env), true);
  assert.equal(isMainProcess({ WC_MAIN_PID: "1" }), process.pid === 1);
});

test("--grep-invert leaves a test's other tags: the test stays, and its inverted checks are left out step by step", () => {
  const env = { WC_GREP: "", WC_GREP_INVERT: "@format" };
  assert.deepEqual(tagsKeptByInvert(["@people", "@status", "@format", "@schema"], env), [
    "@people",
    "@status",
    "@schema",
  ]);
  assert.equal(selects("checks 1/8 people.list @people @format", env), false);
  assert.equal(selects("checks 1/8 people.list @people @schema", env), true);
  assert.deepEqual(tagsKeptByInvert(["@people", "@format"], { WC_GREP_INVERT: "" }), ["@people", "@format"]);
});

test("--shard is read as the main process got it, in both spellings", () => {
  assert.equal(cliShard(["test", "--shard", "2/3"]), "2/3");
  assert.equal(cliShard(["test", "--shard=1/4", "--workers=1"]), "1/4");
  assert.equal(cliShard(["test", "--grep", "@shard"]), undefined);
});
