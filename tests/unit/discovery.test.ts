import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ALL_CHECKS, runCheck } from "../../helpers/checks/index";
import { DiscoveredValues, emptyListOn, NoRecordToRead } from "../../helpers/checks/operations";
import { statusChecks } from "../../helpers/checks/status";
import type { Exchange, RequestSpec, WorkspaceClient } from "../../helpers/http/client";
import { testOperation, testRunner } from "../support/operation";

/** A deployment whose every GET answers `status` with `body`; it counts what it is sent. */
function deployment(body: string, status = 200) {
  const sent: string[] = [];
  const client = {
    refuseForbiddenWrite: () => undefined,
    send: async (spec: RequestSpec): Promise<Exchange> => {
      sent.push(spec.path);
      const headers = { "content-type": "application/json; charset=utf-8" };
      return {
        request: { method: spec.method, url: spec.path, headers: {} },
        response: { status, headers, body },
        ms: 1,
      };
    },
  } as unknown as WorkspaceClient;
  return { client, sent };
}

const envelope = (response: unknown) => JSON.stringify({ status: 0, statusCode: 200, response });

/** What looking `select` up in an answer of `response` does: the value, or the error's name and message. */
async function lookUp(response: unknown, select: string, status = 200): Promise<string> {
  const { client } = deployment(envelope(response), status);
  try {
    return await new DiscoveredValues(client).get("GET api/2.0/project", select);
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

describe("discovery: an empty list is no record to read, anything else missing is a failure", () => {
  test("where a select path runs into an empty list", () => {
    assert.equal(emptyListOn([], "[0].id"), "");
    assert.equal(emptyListOn({ files: [], current: { id: 1 } }, "files[0].id"), "files");
    assert.equal(
      emptyListOn({ categories: [{ threads: [] }] }, "categories[0].threads[0].id"),
      "categories[0].threads",
    );
    assert.equal(emptyListOn({ categories: [] }, "categories[0].threads[0].id"), "categories");
    assert.equal(emptyListOn([{ id: 1 }], "[0].id"), undefined, "a list with a record");
    assert.equal(emptyListOn([{}], "[0].id"), undefined, "a record without the member");
    assert.equal(emptyListOn({ id: 1 }, "[0].id"), undefined, "an object where a list is expected");
    assert.equal(emptyListOn(null, "[0].id"), undefined);
    assert.equal(emptyListOn({ files: null }, "files[0].id"), undefined, "null is no empty list");
    assert.equal(
      emptyListOn({ current: { id: 7 } }, "files[0].id"),
      "files",
      "a list member left out (EmitDefaultValue=false) is an empty list",
    );
    assert.equal(emptyListOn({}, "categories[0].threads[0].id"), "categories");
    assert.equal(emptyListOn({ current: { id: 7 } }, "current.id"), undefined);
  });

  test("an empty list names itself; a list that is no list, a record without the member or an error still fail", async () => {
    assert.equal(await lookUp([{ id: 42 }], "[0].id"), "42");
    assert.equal(
      await lookUp([], "[0].id"),
      "NoRecordToRead: no record to read: GET api/2.0/project answered an empty list",
    );
    assert.equal(
      await lookUp({ files: [], folders: [] }, "files[0].id"),
      'NoRecordToRead: no record to read: GET api/2.0/project answered an empty list at "files"',
    );
    const failure =
      'Error: could not discover a value from GET api/2.0/project: nothing at "[0].id" in its response';
    assert.equal(await lookUp({ id: 1 }, "[0].id"), failure, "an object is not a list");
    assert.equal(await lookUp(null, "[0].id"), failure, "null is not a list");
    assert.equal(await lookUp([{ title: "x" }], "[0].id"), failure, "a record without an id");
    assert.equal(
      await lookUp([], "[0].id", 500),
      "Error: could not discover a value from GET api/2.0/project: status 500",
      "an error answer is never an empty list",
    );
  });

  test("each check of a read from an empty list is skipped with the list in its why, and nothing of it is sent", async () => {
    const { client, sent } = deployment(envelope([]));
    const op = testOperation("project", "project-messages", {
      path: "api/2.0/project/{projectid}/message",
      params: { projectid: { from: "GET api/2.0/project", select: "[0].id" } },
    });
    const writes = { allowWrites: false, disposable: false };
    for (const check of ALL_CHECKS.filter((c) => c.appliesTo(op))) {
      const result = await runCheck(op, check, testRunner(client, [], writes), []);
      assert.equal(result.outcome, "skipped", result.id);
      assert.equal(result.why, "no record to read: GET api/2.0/project answered an empty list", result.id);
    }
    assert.deepEqual([...new Set(sent)], ["api/2.0/project.json"], "only the look-up was sent");
  });

  test("a look-up that fails for another reason still fails the check", async () => {
    const { client } = deployment(envelope({ id: 1 }));
    const op = testOperation("project", "project-messages", {
      path: "api/2.0/project/{projectid}/message",
      params: { projectid: { from: "GET api/2.0/project", select: "[0].id" } },
    });
    const result = await runCheck(
      op,
      statusChecks[0],
      testRunner(client, [], { allowWrites: false, disposable: false }),
      [],
    );
    assert.equal(result.outcome, "failed");
    assert.match(
      result.why,
      /could not discover a value from GET api\/2\.0\/project: nothing at "\[0\]\.id"/,
    );
    assert.ok(new NoRecordToRead("GET x", "").message.startsWith("no record to read: "));
  });
});
