import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startReference } from "../../../reference";
import { parseCli } from "../../../reference/cli-args";
import { type Api, reference } from "./support";

describe("modules a deployment lacks: --without-module and --disable-module", () => {
  let api: Api;
  before(async () => {
    api = await reference({ withoutModules: ["files"], disabledModules: ["group"] });
  });
  after(() => api.close());

  test("a removed module's routes answer an HTML 404 page, no envelope, before authentication", async () => {
    for (const path of ["files/@my.json", "files/folder/1", "FILES/@common.xml"]) {
      const response = await api.fetch(path);
      assert.equal(response.status, 404, path);
      assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
      const body = await response.text();
      assert.match(body, /^<!DOCTYPE html>/);
      assert.doesNotMatch(body, /<result>|"statusCode"/);
    }
  });

  test("a disabled module answers 403 with the envelope, error.message Forbidden, after authentication", async () => {
    const { status, body } = await api.json("group.json");
    assert.equal(status, 403);
    assert.equal(body.statusCode, 403);
    assert.equal(body.error?.message, "Forbidden");
    assert.equal((await api.fetch("group.json")).status, 401, "without credentials: 401 first");
  });

  test("the other modules are served", async () => {
    assert.equal((await api.json("people/@self.json")).status, 200);
  });

  test("an unknown module name throws, listing the modules served", async () => {
    await assert.rejects(
      startReference({ withoutModules: ["crmx"] }),
      /Unknown module "crmx"; modules the reference serves: .*people/,
    );
  });

  test("the CLI takes repeated flags and comma lists, and environment defaults", () => {
    const { options } = parseCli(["--without-module", "files,group", "--disable-module", "people"], {
      REFERENCE_DISABLED_MODULES: "portal",
    });
    assert.deepEqual(options.withoutModules, ["files", "group"]);
    assert.deepEqual(options.disabledModules, ["portal", "people"]);
  });
});
