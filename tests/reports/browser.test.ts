import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Locator, type Page } from "@playwright/test";
import { ROOT, runSuite } from "../support/run-suite";

/**
 * A deliberately failing run with every report, opened in a real browser (Debian's Chromium, which
 * `.ci/run` installs): the failing check's id and its evidence must be visible in the Playwright HTML
 * report and in the Allure single file, and opening them must send nothing off this machine.
 */
const CHROMIUM = "/usr/bin/chromium";
const FAILING = "people.get-self/format.default-is-xml";
const NAME = "browser";
const REPORTS = join(ROOT, "reports", "self-test", NAME);
const SCREENSHOTS = join(REPORTS, "screenshots");
/** How long a text may take to show. headroom: under a second on a quiet machine; passing tests never wait it out. */
const TIMEOUT = 60_000;

/** A loopback server for one folder: the HTML report loads its data with fetch, which file:// refuses. */
async function serve(dir: string): Promise<{ origin: string; close: () => void }> {
  const types: Record<string, string> = {
    ".html": "text/html",
    ".md": "text/markdown",
    ".zip": "application/zip",
  };
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    try {
      const body = await readFile(join(dir, path));
      response.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

/** A page that records every request and refuses (aborts) any that would leave the machine. */
async function isolatedPage(
  browser: Browser,
  allowedOrigin?: string,
): Promise<{ page: Page; left: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const left: string[] = [];
  const local = (url: string) =>
    /^(data|blob|file|about):/.test(url) || (!!allowedOrigin && url.startsWith(`${allowedOrigin}/`));
  context.on("request", (request) => {
    if (!local(request.url())) left.push(request.url());
  });
  await context.route(
    (url) => !local(url.href),
    (route) => route.abort(),
  );
  return { page: await context.newPage(), left };
}

/** Waits until the text is on screen. */
async function visible(page: Page, text: string | RegExp): Promise<Locator> {
  const found = page.getByText(text).filter({ visible: true }).first();
  await found.waitFor({ timeout: TIMEOUT });
  return found;
}

test("a failing check's evidence is visible in the HTML and Allure reports, and opening them sends nothing", {
  // Skipped on a machine without Chromium, never in CI, where .ci/run installs it.
  skip: !existsSync(CHROMIUM) && !process.env.CI && `${CHROMIUM} is missing (.ci/run installs it)`,
}, async () => {
  const run = await runSuite({
    name: NAME,
    faults: ["json-by-default"],
    fullReports: true,
    args: ["--grep", "@people.*@format"],
    // The burst of the rate-limit checks takes seconds and shows nothing these reports don't.
    env: { WORKSPACE_RATE_LIMIT_CHECKS: "false" },
  });
  assert.equal(run.exitCode, 1, run.stdout + run.stderr);
  const failing = run.failed.find((check) => check.id === FAILING);
  assert.ok(failing, `${FAILING} did not fail:\n${run.stdout}`);
  assert.match(failing.curl?.[0] ?? "", /-H 'Authorization: '"\$WORKSPACE_TOKEN"/);
  assert.match(
    readFileSync(join(REPORTS, "summary.md"), "utf8"),
    new RegExp(`DOES NOT CONFORM[\\s\\S]*${FAILING}`),
  );

  const report = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "report.ts")], {
    cwd: ROOT,
    env: { ...process.env, WORKSPACE_REPORTS_DIR: join("reports", "self-test", NAME) },
    encoding: "utf8",
  });
  assert.equal(report.status, 0, report.stdout + report.stderr);
  const allureFile = join(REPORTS, "allure-report", "index.html");
  assert.doesNotMatch(readFileSync(allureFile, "utf8"), /googletagmanager|gtag\(/);

  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  const html = await serve(join(REPORTS, "html"));
  try {
    // Playwright's report: the test of the failing check, then that check's evidence attachment.
    const playwright = await isolatedPage(browser, html.origin);
    await playwright.page.goto(`${html.origin}/index.html`);
    await playwright.page.getByText(failing.test, { exact: true }).first().click();
    await visible(playwright.page, `${FAILING}: FAILED`);
    await playwright.page.screenshot({ path: join(SCREENSHOTS, "playwright-report.png") });
    await playwright.page.getByText(FAILING, { exact: true }).last().click();
    await visible(playwright.page, /< 200 /);
    const htmlEvidence = await visible(playwright.page, /Reproduce request 1/);
    await htmlEvidence.screenshot({ path: join(SCREENSHOTS, "playwright-evidence.png") });
    assert.deepEqual(playwright.left, [], "the HTML report sent requests off the machine");

    // Allure's single file, from disk: the failing check's result, its findings and its evidence.
    const allure = await isolatedPage(browser);
    await allure.page.goto(pathToFileURL(allureFile).href);
    await allure.page.getByPlaceholder(/search/i).fill(FAILING);
    await allure.page.getByText(FAILING, { exact: true }).first().click();
    await visible(allure.page, "failed: the answer is JSON, not XML");
    await allure.page.screenshot({ path: join(SCREENSHOTS, "allure-report.png") });
    await allure.page.getByText("evidence", { exact: true }).first().click();
    const allureEvidence = await visible(allure.page, /Reproduce request 1/);
    await allureEvidence.screenshot({ path: join(SCREENSHOTS, "allure-evidence.png") });
    assert.deepEqual(allure.left, [], "the Allure report sent requests off the machine");
  } finally {
    html.close();
    await browser.close();
  }
});
