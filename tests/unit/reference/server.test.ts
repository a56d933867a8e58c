import assert from "node:assert/strict";
import { request } from "node:http";
import { test } from "node:test";
import {
  REFERENCE_ADMIN,
  REMEMBERED_PATH_CHARS,
  REMEMBERED_REQUESTS,
  startReference,
} from "../../../reference";

test("the requests a reference remembers are bounded: the newest, each path cut short", async () => {
  const running = await startReference({ rateLimit: { limit: 1_000_000, windowSeconds: 10 } });
  try {
    const long = `api/2.0/${"x".repeat(4 * REMEMBERED_PATH_CHARS)}`;
    const total = REMEMBERED_REQUESTS + 50;
    for (let sent = 0; sent < total; sent += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, total - sent) }, async (_, i) => {
          await (
            await fetch(`${running.url}${sent + i === total - 1 ? "api/2.0/last" : long}`)
          ).arrayBuffer();
        }),
      );
    }
    const remembered = running.requests();
    assert.equal(remembered.length, REMEMBERED_REQUESTS);
    assert.ok(remembered.every((r) => r.path.length <= REMEMBERED_PATH_CHARS + 1));
    assert.equal(remembered.at(-1)?.path, "/api/2.0/last");
  } finally {
    await running.close();
  }
});

test("an aborted request is logged without the credentials its query carried", async (t) => {
  const logged: string[] = [];
  t.mock.method(console, "error", (...args: unknown[]) => logged.push(args.join(" ")));
  const running = await startReference();
  try {
    const url = new URL(
      `api/2.0/authentication.json?userName=${REFERENCE_ADMIN.user}&password=${REFERENCE_ADMIN.password}`,
      running.url,
    );
    // A body announced longer than what is sent, then the connection dropped: the read fails mid-way.
    const sending = request(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": "1000" },
    });
    sending.on("error", () => {});
    sending.write('{"userName":');
    sending.flushHeaders();
    await new Promise((resolve) => setTimeout(resolve, 100));
    sending.destroy();
    // headroom: logged within a few ms on a quiet machine; the wait ends as soon as it is.
    for (let waited = 0; !logged.length && waited < 15_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(logged.length, 1, "the failure is logged");
    assert.match(
      logged[0],
      /^reference: POST \/api\/2\.0\/authentication\.json\?userName=…&password=… failed: /,
    );
    assert.ok(!logged[0].includes(REFERENCE_ADMIN.password));
  } finally {
    await running.close();
  }
});
