import { mkdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { TestResult, TestResultContainer } from "allure-js-commons";
import type { Writer } from "allure-js-commons/sdk/reporter";

/**
 * allure-js-commons' FileSystemWriter writes each file through a temporary file, fsync and a
 * rename, synchronously: a few thousand per-check results and their evidence cost seconds of the
 * runner's event loop, which also serves the embedded reference (measured with --cpu-prof at 3,900
 * checks: 1.8 s green, 4.5 s with one rule broken everywhere). Results and attachments are written
 * here without blocking, and `flush` waits for them when the run ends; the rare rest (environment,
 * categories, globals, copies from a path) stays with the original writer.
 */
export class NonBlockingAllureWriter implements Writer {
  private readonly pending = new Set<Promise<void>>();
  private readonly failures: string[] = [];

  constructor(
    private readonly original: Writer,
    private readonly resultsDir: string,
  ) {
    mkdirSync(resultsDir, { recursive: true });
  }

  writeResult(result: TestResult): void {
    this.write(`${result.uuid}-result.json`, JSON.stringify(result));
  }

  writeGroup(result: TestResultContainer): void {
    this.write(`${result.uuid}-container.json`, JSON.stringify(result));
  }

  writeAttachment(distFileName: string, content: Buffer): void {
    this.write(distFileName, content);
  }

  writeAttachmentFromPath(distFileName: string, from: string): void {
    this.original.writeAttachmentFromPath(distFileName, from);
  }

  writeEnvironmentInfo(info: Parameters<Writer["writeEnvironmentInfo"]>[0]): void {
    this.original.writeEnvironmentInfo(info);
  }

  writeCategoriesDefinitions(categories: Parameters<Writer["writeCategoriesDefinitions"]>[0]): void {
    this.original.writeCategoriesDefinitions(categories);
  }

  writeGlobals(distFileName: string, info: Parameters<Writer["writeGlobals"]>[1]): void {
    this.original.writeGlobals(distFileName, info);
  }

  /** Waits for every write; a failed one is reported once, naming the files. */
  async flush(): Promise<void> {
    while (this.pending.size) await Promise.all(this.pending);
    if (this.failures.length)
      throw new Error(`Allure results could not be written: ${this.failures.slice(0, 3).join("; ")}`);
  }

  private write(name: string, content: string | Buffer): void {
    const done: Promise<void> = writeFile(join(this.resultsDir, name), content)
      .catch((error: Error) => {
        this.failures.push(`${name}: ${error.message}`);
      })
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
  }
}
