import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { CheckResult } from "../../helpers/checks/check";
import { runCheck } from "../../helpers/checks/index";
import { parityChecks } from "../../helpers/checks/parity";
import { schemaChecks } from "../../helpers/checks/schema";
import { SharedReads } from "../../helpers/checks/shared-reads";
import type { Operation } from "../../helpers/contract/contract";
import type { Exchange, RequestSpec, WorkspaceClient } from "../../helpers/http/client";
import { VARIANTS } from "../../reference";
import { parseFaults } from "../../reference/faults";
import { parseVariants } from "../../reference/variants";
import type { JsonObject } from "../../reference/wire/json-value";
import { serialize } from "../../reference/wire/serialize";
import { testOperation, testRunner } from "../support/operation";

/**
 * Empty lists in XML (workspace-api-facts.md §1, "XML equivalent"): Json.NET's XmlNodeConverter writes
 * an empty array as no element at all, a one-item array as its item, null and {} as an empty element.
 * The bodies here are the reference's own (reference/wire/serialize.ts, to-xml.ts), read and judged
 * by the suite's real schema and parity checks.
 */

type Format = "json" | "xml";

const ALL_VARIANTS = Object.keys(VARIANTS);

/** A deployment answering `json` in JSON and `xml` (the same unless given) in XML, through the reference's writer. */
function deployment(json: JsonObject, xml: JsonObject = json, variants: string[] = []) {
  const bodies: Partial<Record<Format, string>> = {};
  const client = {
    refuseForbiddenWrite: () => undefined,
    send: async (spec: RequestSpec): Promise<Exchange> => {
      const request = { method: spec.method, url: spec.path, headers: { ...spec.headers } };
      const accept = spec.headers?.Accept ?? "*/*";
      const format: Format = spec.path.endsWith(".json")
        ? "json"
        : spec.path.endsWith(".xml")
          ? "xml"
          : /application\/json(;q=0\.9)?$/.test(accept)
            ? "json"
            : "xml";
      const { body, contentType } = serialize(
        format === "json" ? json : xml,
        format,
        parseFaults([]),
        parseVariants(variants),
      );
      bodies[format] = body;
      return { request, response: { status: 200, headers: { "content-type": contentType }, body }, ms: 1 };
    },
  } as unknown as WorkspaceClient;
  return { client, bodies };
}

const CHECKS = [...schemaChecks, ...parityChecks];

/** The schema and parity checks of one read, as specs/contract.spec.ts runs them: one SharedReads for all. */
async function judge(op: Operation, client: WorkspaceClient): Promise<Record<string, CheckResult>> {
  const reads = new SharedReads(op.key);
  const results: Record<string, CheckResult> = {};
  for (const check of CHECKS) {
    const evidence: Exchange[] = [];
    const runner = testRunner(client, evidence, { allowWrites: false, disposable: false }, reads);
    results[`${check.family}.${check.name}`] = await runCheck(op, check, runner, evidence);
  }
  return results;
}

const outcomes = (results: Record<string, CheckResult>) =>
  Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r.outcome]));
const ALL_PASS = { "schema.json": "passed", "schema.xml": "passed", "parity.xml-matches-json": "passed" };

/** What the suite reads from a body: the runner's own reading, by the operation's schema. */
async function readXml(op: Operation, json: JsonObject, variants: string[] = []): Promise<unknown> {
  const { client } = deployment(json, json, variants);
  const runner = testRunner(client, [], { allowWrites: false, disposable: false });
  return runner.read(await client.send({ method: "GET", path: `${op.path}.xml` }), op).value;
}

const envelope = (response: unknown): JsonObject => ({ status: 0, statusCode: 200, response }) as JsonObject;

const fileOperations = testOperation("files", "operations", {
  path: "api/2.0/files/fileops",
  schema: "files/file-operation-wraper-list.json",
});
const forums = testOperation("community", "forums", {
  path: "api/2.0/community/forum",
  schema: "community/forum-wrapper.json",
});
const shortPeople = testOperation("people", "simple-filter", {
  path: "api/2.0/people/simple/filter",
  schema: "people/employee-wraper-list.json",
});

/** A FileOperationWraper whose lists are empty, as a finished operation has them. */
const fileOperation = (id: string) => ({
  id,
  operation: 0,
  progress: 100,
  error: "",
  processed: "1",
  finished: true,
  url: null,
  files: [],
  folders: [],
});

/** A forum category (ForumCategoryWrapper) with no threads. */
const category = (id: number, title: string, description: string | null = null) => ({
  id,
  title,
  created: null,
  updated: null,
  description,
  threads: [],
});

describe("XML: an empty list is no element, and reads as []", () => {
  for (const variants of [[], ALL_VARIANTS]) {
    const named = variants.length
      ? " (every legitimate variant: indented, declaration, key order, extra members)"
      : "";
    test(`the facts file's envelope with an empty response passes schema.xml and parity${named}`, async () => {
      const { client, bodies } = deployment(envelope([]), envelope([]), variants);
      const results = await judge(fileOperations, client);
      assert.deepEqual(outcomes(results), ALL_PASS, JSON.stringify(results, null, 1));
      if (!variants.length) {
        assert.equal(bodies.xml, "<result><status>0</status><statusCode>200</statusCode></result>");
        assert.equal(bodies.json, '{"status":0,"statusCode":200,"response":[]}');
      }
      assert.deepEqual(
        ((await readXml(fileOperations, envelope([]), variants)) as { response: unknown }).response,
        [],
      );
    });

    test(`a record's "files":[] leaves no <files>, read as []; records of a list each with empty lists${named}`, async () => {
      for (const response of [[fileOperation("a")], [fileOperation("a"), fileOperation("b")]]) {
        const { client, bodies } = deployment(envelope(response), envelope(response), variants);
        assert.deepEqual(outcomes(await judge(fileOperations, client)), ALL_PASS);
        assert.doesNotMatch(bodies.xml ?? "", /<files|<folders/);
        const read = (await readXml(fileOperations, envelope(response), variants)) as {
          response: Record<string, unknown>[];
        };
        assert.deepEqual(
          read.response.map((r) => [r.id, r.files, r.folders, r.url, r.error]),
          response.map((r) => [r.id, [], [], null, null]),
        );
      }
    });

    test(`a list of records inside a record, each with an empty list; and the outer list empty${named}`, async () => {
      for (const response of [
        { categories: [category(1, "General"), category(2, "Support")] },
        { categories: [category(1, "General")] },
        { categories: [] },
      ]) {
        const { client } = deployment(envelope(response), envelope(response), variants);
        assert.deepEqual(outcomes(await judge(forums, client)), ALL_PASS, JSON.stringify(response));
        const read = (await readXml(forums, envelope(response), variants)) as {
          response: { categories: { id: number; threads: unknown }[] };
        };
        assert.deepEqual(
          read.response.categories.map((c) => [c.id, c.threads]),
          response.categories.map((c) => [c.id, []]),
        );
      }
    });
  }

  test("a record of a larger type than the documented one: members no schema names, empty, one-item or null, compare equal", async () => {
    const person = (id: string, groups: unknown[]) => ({
      id,
      displayName: "Anna Ivanova",
      title: "",
      avatarSmall: "/avatar.png",
      profileUrl: "/profile",
      groups,
      listAdminModules: [],
      contacts: [],
      terminated: null,
      workFrom: {},
      isAdmin: false,
      mobilePhoneActivationStatus: 0,
    });
    const group = (n: number) => ({
      id: `0b9b1e1a-0000-4000-8000-00000000000${n}`,
      name: `G${n}`,
      manager: "",
    });
    const response = [
      person("0b9b1e1a-0000-4000-8000-000000000001", []),
      person("0b9b1e1a-0000-4000-8000-000000000002", [group(1)]),
      person("0b9b1e1a-0000-4000-8000-000000000003", [group(1), group(2)]),
    ];
    for (const variants of [[], ALL_VARIANTS]) {
      const { client, bodies } = deployment(envelope(response), envelope(response), variants);
      assert.deepEqual(outcomes(await judge(shortPeople, client)), ALL_PASS);
      assert.doesNotMatch(bodies.xml ?? "", /<listAdminModules|<contacts/);
    }
  });
});

describe("XML: whitespace-only text is read as sent", () => {
  const spaced = { categories: [category(1, " ", "  \n"), category(2, " a ", "\t")] };

  for (const variants of [[], ["indented"], ALL_VARIANTS]) {
    test(`" ", "  \\n", " a " and "\\t" survive the reference's writer and the suite's reader (${variants.join(", ") || "plain"})`, async () => {
      const { client, bodies } = deployment(envelope(spaced), envelope(spaced), variants);
      assert.deepEqual(outcomes(await judge(forums, client)), ALL_PASS);
      assert.match(bodies.xml ?? "", /<title> <\/title>/);
      assert.match(bodies.xml ?? "", /<description> {2}\n<\/description>/);
      const read = (await readXml(forums, envelope(spaced), variants)) as {
        response: { categories: { title: string; description: string }[] };
      };
      assert.deepEqual(
        read.response.categories.map((c) => [c.title, c.description]),
        [
          [" ", "  \n"],
          [" a ", "\t"],
        ],
      );
    });
  }

  test("a server that trims text in XML alone is a parity difference", async () => {
    const trimmed = { categories: [category(1, "", ""), category(2, "a", "")] };
    const xml = (await judge(forums, deployment(envelope(spaced), envelope(trimmed)).client))[
      "parity.xml-matches-json"
    ];
    assert.equal(xml.outcome, "failed");
    assert.match(
      xml.why,
      /4 fields: response\.categories\[0\]\.title, response\.categories\[0\]\.description, response\.categories\[1\]\.title, response\.categories\[1\]\.description/,
    );
  });
});

describe("XML: reading what may be empty does not blind the schema checks", () => {
  const withCategory = (change: (c: Record<string, unknown>) => void) => {
    const c: Record<string, unknown> = category(1, "General");
    change(c);
    return envelope({ categories: [c] });
  };

  test("a required member that is not an array, dropped, fails in both formats", async () => {
    const broken = withCategory((c) => delete c.id);
    const results = await judge(forums, deployment(broken).client);
    assert.deepEqual(outcomes(results), { ...ALL_PASS, "schema.json": "failed", "schema.xml": "failed" });
    assert.match(results["schema.json"].why, /\/response\/categories\/0\/id is missing \(required\)/);
    assert.match(
      results["schema.xml"].why,
      /\/response\/categories\/0\/id \(element result\/response\/categories\[1\]\/id\) is missing \(required\)/,
    );
  });

  test("a required list left out: JSON shows it; XML cannot (an empty list leaves no element either), and reads it as []", async () => {
    const results = await judge(forums, deployment(envelope({})).client);
    assert.deepEqual(outcomes(results), { ...ALL_PASS, "schema.json": "failed" });
    assert.match(results["schema.json"].why, /\/response\/categories is missing \(required\)/);
    const { response: _, ...noResponse } = envelope([]);
    const missing = await judge(fileOperations, deployment(noResponse as JsonObject).client);
    assert.deepEqual(outcomes(missing), { ...ALL_PASS, "schema.json": "failed" });
    assert.match(missing["schema.json"].why, /\/response is missing \(required\)/);
  });

  test("null where the schema forbids it fails in both formats (an empty element in XML)", async () => {
    for (const [member, value] of [
      ["id", null],
      ["threads", null],
    ] as const) {
      const broken = withCategory((c) => {
        c[member] = value;
      });
      const results = await judge(forums, deployment(broken).client);
      if (member === "threads") {
        // threads may be null (["array","null"]): no fault, and XML's <threads/> reads as null.
        assert.deepEqual(outcomes(results), ALL_PASS);
        continue;
      }
      assert.deepEqual(outcomes(results), { ...ALL_PASS, "schema.json": "failed", "schema.xml": "failed" });
      assert.match(
        results["schema.xml"].why,
        /\/response\/categories\/0\/id \(element [^)]+\) should be integer/,
      );
    }
    const operation = { ...fileOperation("a"), progress: null, finished: null };
    const results = await judge(fileOperations, deployment(envelope([operation])).client);
    assert.deepEqual(outcomes(results), { ...ALL_PASS, "schema.json": "failed", "schema.xml": "failed" });
    assert.match(results["schema.xml"].why, /2 schema violations: .*progress.*finished/);
  });

  test("an array sent as null where the schema forbids it is an empty element, not [] (which writes none): it fails in XML too", async () => {
    // categories may be null: <categories /> reads as null, and passes.
    assert.deepEqual(
      outcomes(await judge(forums, deployment(envelope({ categories: null })).client)),
      ALL_PASS,
    );
    for (const response of [null, [null]]) {
      const results = await judge(fileOperations, deployment(envelope(response)).client);
      assert.deepEqual(
        outcomes(results),
        { ...ALL_PASS, "schema.json": "failed", "schema.xml": "failed" },
        JSON.stringify(response),
      );
    }
  });

  test("a required member dropped from XML alone fails schema.xml and parity; a list emptied in XML alone fails parity", async () => {
    const json = envelope({ categories: [category(1, "General")] });
    const noId = withCategory((c) => delete c.id);
    const results = await judge(forums, deployment(json, noId).client);
    assert.deepEqual(outcomes(results), {
      "schema.json": "passed",
      "schema.xml": "failed",
      "parity.xml-matches-json": "failed",
    });
    const emptied = await judge(forums, deployment(json, envelope({ categories: [] })).client);
    assert.equal(emptied["parity.xml-matches-json"].outcome, "failed");
    // Emptied, the whole response is empty: the difference is named where it starts.
    assert.match(emptied["parity.xml-matches-json"].why, /in 1 field: response \(/);
  });
});
