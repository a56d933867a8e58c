import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { TestResult, TestResultContainer } from "allure-js-commons";
import type { Writer } from "allure-js-commons/sdk/reporter";
import { NonBlockingAllureWriter } from "../../helpers/reporters/allure-writer";

const delegated: string[] = [];
const original = {
  writeAttachmentFromPath: (name: string) => delegated.push(`copy ${name}`),
  writeEnvironmentInfo: () => delegated.push("environment"),
  writeCategoriesDefinitions: () => delegated.push("categories"),
  writeGlobals: (name: string) => delegated.push(`globals ${name}`),
} as unknown as Writer;

test("results, groups and attachments are written when flushed; the rare rest goes to the original writer", async () => {
  const dir = mkdtempSync(join(tmpdir(), "allure-writer-"));
  try {
    const writer = new NonBlockingAllureWriter(original, join(dir, "results"));
    writer.writeResult({ uuid: "r1", name: "people.get-self/status.success" } as TestResult);
    writer.writeGroup({ uuid: "g1", children: ["r1"] } as TestResultContainer);
    writer.writeAttachment("a1-attachment.txt", Buffer.from("GET api/2.0/people/@self"));
    writer.writeEnvironmentInfo({});
    writer.writeAttachmentFromPath("a2.png", "/somewhere/a2.png");
    await writer.flush();
    assert.deepEqual(readdirSync(join(dir, "results")).sort(), [
      "a1-attachment.txt",
      "g1-container.json",
      "r1-result.json",
    ]);
    assert.equal(
      JSON.parse(readFileSync(join(dir, "results", "r1-result.json"), "utf8")).name,
      "people.get-self/status.success",
    );
    assert.deepEqual(delegated, ["environment", "copy a2.png"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a write that fails is reported by flush, naming the file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "allure-writer-"));
  try {
    const writer = new NonBlockingAllureWriter(original, dir);
    writer.writeAttachment("missing-folder/a.txt", Buffer.from("x"));
    await assert.rejects(
      writer.flush(),
      /Allure results could not be written: missing-folder\/a\.txt: ENOENT/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
