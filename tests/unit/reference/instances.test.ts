import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FAULTS, startReference, VARIANTS } from "../../../reference";
import { ADMIN_BASIC, jsonBody, reference } from "./support";

describe("instances and options", () => {
  test("two instances have separate stores", async () => {
    const [first, second] = await Promise.all([reference(), reference()]);
    try {
      const created = await first.json("group.json", jsonBody("POST", { groupName: "Only here" }));
      assert.equal(created.status, 201);
      assert.equal((await first.json("group.json")).body.count, 4);
      assert.equal((await second.json("group.json")).body.count, 3);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  test("pathPrefix moves the API under the prefix", async () => {
    const running = await startReference({ pathPrefix: "/portal/" });
    try {
      assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+\/portal\/$/);
      assert.equal((await fetch(`${running.url}api/2.0/capabilities.json`)).status, 200);
      const self = await fetch(`${running.url}api/2.0/people/@self.json`, {
        headers: { Authorization: ADMIN_BASIC },
      });
      const body = (await self.json()) as { response: { profileUrl: string } };
      assert.match(body.response.profileUrl, /\/portal\/Products\/People\/Profile\.aspx/);
      const outside = await fetch(running.url.replace("/portal/", "/api/2.0/capabilities"));
      assert.equal(outside.status, 404);
      assert.equal(outside.headers.get("content-type"), "text/plain; charset=utf-8");
    } finally {
      await running.close();
    }
  });

  test("unknown fault or variant names throw, listing the valid ones", async () => {
    await assert.rejects(startReference({ faults: ["nope"] }), new RegExp(Object.keys(FAULTS)[0] as string));
    await assert.rejects(
      startReference({ variants: ["nope"] }),
      new RegExp(Object.keys(VARIANTS)[0] as string),
    );
  });

  test("close() returns promptly with a keep-alive connection open", async () => {
    const running = await startReference();
    await fetch(`${running.url}api/2.0/capabilities.json`);
    const started = Date.now();
    await running.close();
    // A close that waited for the idle keep-alive connection would take Node's keepAliveTimeout (5 s).
    // headroom: ~2 ms on a quiet machine; 2.5 s is over 1000x that, and still half the 5 s.
    const took = Date.now() - started;
    assert.ok(took < 2500, `close() took ${took} ms`);
  });
});
