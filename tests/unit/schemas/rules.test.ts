import assert from "node:assert/strict";
import { test } from "node:test";
import { createRegistry, SCHEMA_BASE, SCHEMAS_DIR } from "../../../helpers/contract/schemas";
import type { Catalogue, ClassEntry, Member, Operation } from "../../../scripts/schema-generator/catalogue";
import { GENERATED, generate } from "../../../scripts/schema-generator/generate";
import { jsonNetCamelCase, kebab, placeTypes } from "../../../scripts/schema-generator/naming";

/** A catalogue of a few invented types in the shape of wrappers.json, one rule each. */
function member(wire: string, type: string, extra: Partial<Member> = {}): Member {
  return {
    name: wire,
    wire,
    declared_in: "ASC.Api.CRM.Wrappers.Sample",
    csharp_type: type,
    type,
    emit_default: true,
    ...extra,
  };
}
function klass(key: string, members: Member[], extra: Partial<ClassEntry> = {}): [string, ClassEntry] {
  const name = key.split(/[.+]/).pop() as string;
  const entry: ClassEntry = {
    name,
    full_name: key,
    kind: "class",
    file: `${name}.cs`,
    data_contract: { name, namespace: "" },
    contract: "object",
    member_rule: "datacontract-optin",
    members,
    ...extra,
  };
  return [key, entry];
}
function op(verb: string, path: string, root: string, extra: Partial<Operation> = {}): Operation {
  const status = root.includes("class:") || root.includes("enum:") ? "resolved" : "primitive";
  const rootKind = root === "void" ? "void" : root.startsWith("array:") ? "collection" : "class";
  return {
    module: "crm",
    verb,
    path,
    source_file: "CRMApi.cs",
    csharp_method: "Sample",
    root,
    root_kind: rootKind,
    status,
    serialization: "json",
    ...extra,
  };
}

const catalogue: Catalogue = {
  source: "test",
  classes: Object.fromEntries([
    klass("ASC.Api.CRM.Wrappers.Sample", [
      member("optional", "string", { emit_default: false, omitted_when: "null" }),
      member("name", "string"),
      member("count", "int"),
      member("maybe", "nullable:int"),
      member("id", "Guid"),
      member("created", "ApiDateTime"),
      member("stamp", "DateTime"),
      member("status", "enum:ASC.Api.CRM.Wrappers.Status"),
      member("rights", "enum:ASC.Api.CRM.Wrappers.Rights"),
      member("byRight", "dict:enum:ASC.Api.CRM.Wrappers.Status,string"),
      member("props", "dict:string,string"),
      member("tasks", "array:class:ASC.Api.CRM.Wrappers.TaskWrapper"),
      member("contact", "class:ASC.Api.CRM.Wrappers.ContactWrapper"),
      member("sharedTo", "object", {
        runtime_types: [
          "class:ASC.Api.CRM.Wrappers.TaskWrapper",
          "class:ASC.Api.Projects.Wrappers.TaskWrapper",
        ],
      }),
    ]),
    klass("ASC.Api.CRM.Wrappers.TaskWrapper", [member("title", "string")]),
    klass("ASC.Api.Documents.FileEntryWrapper", [
      member("id", "object", { declared_in: "ASC.Api.Documents.FileEntryWrapper" }),
    ]),
    klass("ASC.Api.Projects.Wrappers.TaskWrapper", [member("subtasks", "int")]),
    klass("ASC.Api.CRM.Wrappers.ContactWrapper", [member("id", "int")], {
      abstract: true,
      derived: [
        "ASC.Api.CRM.Wrappers.PersonWrapper",
        "ASC.Api.CRM.Wrappers.CompanyWrapper",
        "ASC.Not.In.Catalogue",
      ],
    }),
    klass("ASC.Api.CRM.Wrappers.PersonWrapper", [member("id", "int"), member("firstName", "string")]),
    klass("ASC.Api.CRM.Wrappers.CompanyWrapper", [member("id", "int"), member("companyName", "string")]),
  ]),
  enums: {
    "ASC.Api.CRM.Wrappers.Status": {
      name: "Status",
      full_name: "ASC.Api.CRM.Wrappers.Status",
      file: "Status.cs",
      flags: false,
      members: [
        { name: "FirstNameAttribute", value: 0 },
        { name: "CRM", value: 3 },
      ],
    },
    "ASC.Api.CRM.Wrappers.Rights": {
      name: "Rights",
      full_name: "ASC.Api.CRM.Wrappers.Rights",
      file: "Rights.cs",
      flags: true,
      members: [
        { name: "Read", value: 1 },
        { name: "Write", value: 2 },
        { name: "Delete", value: 8 },
      ],
    },
  },
  operations: [
    op("GET", "crm/sample", "class:ASC.Api.CRM.Wrappers.Sample"),
    op("GET", "crm/task", "array:class:ASC.Api.CRM.Wrappers.TaskWrapper"),
    op("GET", "crm/names", "array:string"),
    op("GET", "crm/table", "array:array:string"),
    op("GET", "crm/guid", "Guid"),
    op("GET", "crm/flag", "nullable:bool"),
    op("GET", "crm/pair", "kvp:bool,string", { root_kind: "kvp" }),
    op("DELETE", "crm/sample", "void"),
    op("GET", "crm/dynamic", "object", {
      status: "object/dynamic",
      root_kind: "object",
      csharp_method: "GetDynamic",
    }),
    op("GET", "crm/other", "object", {
      status: "object/dynamic",
      root_kind: "object",
      csharp_method: "GetOther",
    }),
    op("GET", "crm/ical", "class:ASC.Api.CRM.Wrappers.Sample", { serialization: "content" }),
  ],
};

const generated = generate(catalogue, new Set(["crm/get-dynamic.json"]));
const schemaOf = (path: string) => generated.files.get(path) as Record<string, never>;
const sample = schemaOf("crm/sample.json");
const property = (name: string) => (sample.properties as Record<string, unknown>)[name];

test("EmitDefaultValue=false: not required, and never null when present", () => {
  assert.ok(!(sample.required as string[]).includes("optional"));
  assert.deepEqual(property("optional"), { type: "string" });
});

test("every other member is required; nullable exactly when a reference type or Nullable<T>", () => {
  for (const name of ["name", "count", "maybe", "id", "created", "tasks", "contact"]) {
    assert.ok((sample.required as string[]).includes(name), name);
  }
  assert.deepEqual(property("name"), { type: ["string", "null"] });
  assert.deepEqual(property("count"), { type: "integer" });
  assert.deepEqual(property("maybe"), { type: ["integer", "null"] });
  assert.deepEqual(property("tasks"), { type: ["array", "null"], items: { $ref: "task-wrapper.json" } });
  assert.deepEqual(property("contact"), { anyOf: [{ $ref: "contact-wrapper.json" }, { type: "null" }] });
});

test("Guid, ApiDateTime and a plain DateTime point at the shared common/ formats", () => {
  assert.deepEqual(property("id"), { $ref: "../common/guid.json" });
  assert.deepEqual(property("created"), {
    anyOf: [{ $ref: "../common/api-datetime.json" }, { type: "null" }],
  });
  assert.deepEqual(property("stamp"), { $ref: "../common/date-time.json" });
});

test("enums are integers with names and values in the description; [Flags] any integer in range", () => {
  assert.deepEqual(property("status"), { $ref: "enums/status.json" });
  const status = schemaOf("crm/enums/status.json");
  assert.equal(status.type, "integer");
  assert.deepEqual(status.enum, [0, 3]);
  assert.match(status.description, /FirstNameAttribute=0, CRM=3/);
  const rights = schemaOf("crm/enums/rights.json");
  assert.deepEqual([rights.minimum, rights.maximum, rights.enum], [0, 11, undefined]);
  assert.match(rights.description, /\[Flags\].*Read=1, Write=2, Delete=8/);
});

test("dictionaries: any camelCased key, or for an enum key the camelCased member names", () => {
  assert.deepEqual(property("byRight"), {
    type: ["object", "null"],
    additionalProperties: { type: ["string", "null"] },
    propertyNames: { enum: ["firstNameAttribute", "crm"] },
  });
  assert.deepEqual(property("props"), {
    type: ["object", "null"],
    additionalProperties: { type: ["string", "null"] },
  });
});

test("object ids are integer or string; runtime types and abstract bases are anyOf their concrete classes", () => {
  const entry = schemaOf("files/file-entry-wrapper.json").properties as Record<string, { type: unknown }>;
  assert.deepEqual(entry.id.type, ["integer", "string", "null"]);
  const sharedTo = property("sharedTo") as { anyOf: unknown[] };
  assert.deepEqual(sharedTo.anyOf[0], {
    anyOf: [{ $ref: "task-wrapper.json" }, { $ref: "../project/task-wrapper.json" }],
  });
  const contact = schemaOf("crm/contact-wrapper.json");
  assert.deepEqual(contact.anyOf, [{ $ref: "company-wrapper.json" }, { $ref: "person-wrapper.json" }]);
  assert.equal(contact.properties, undefined);
});

test("an object member nobody decided stops the generator with a clear message", () => {
  const undecided: Catalogue = structuredClone(catalogue);
  undecided.classes["ASC.Api.CRM.Wrappers.TaskWrapper"].members.push(member("mystery", "object"));
  assert.throws(() => generate(undecided, new Set()), /mystery is typed object.*OBJECT_MEMBERS/);
});

test("namesakes in different namespaces get their own directories; namesakes in one get told apart", () => {
  assert.ok(generated.files.has("crm/task-wrapper.json"));
  assert.ok(generated.files.has("project/task-wrapper.json"));
  const twins: Catalogue = structuredClone(catalogue);
  twins.classes["ASC.Mail.Data.Contracts.Contact"] = klass("ASC.Mail.Data.Contracts.Contact", [])[1];
  twins.classes["ASC.Mail.Core.Entities.Contact"] = klass("ASC.Mail.Core.Entities.Contact", [])[1];
  const placed = placeTypes(twins);
  assert.equal(placed.get("ASC.Mail.Data.Contracts.Contact"), "mail/contact--data-contracts.json");
  assert.equal(placed.get("ASC.Mail.Core.Entities.Contact"), "mail/contact--core-entities.json");
});

test("operations: a class, a list file, primitives, void, pairs, hand-written roots and the reasons for none", () => {
  assert.deepEqual(generated.operations, {
    "GET crm/sample": { schema: "crm/sample.json" },
    "GET crm/task": { schema: "crm/task-wrapper-list.json" },
    "GET crm/names": { schema: "primitives/string-list.json" },
    "GET crm/table": { schema: "primitives/string-list-list.json" },
    "GET crm/guid": { schema: "common/guid.json" },
    "GET crm/flag": { schema: "primitives/bool-or-null.json" },
    "GET crm/pair": { schema: "primitives/bool-string-pair.json" },
    "DELETE crm/sample": { schema: "primitives/void.json" },
    "GET crm/dynamic": { schema: "crm/get-dynamic.json" },
    "GET crm/other": { none: "object or dynamic root: no hand-written schema yet" },
    "GET crm/ical": { none: "streamed by ContentResponder: not JSON and no envelope" },
  });
  assert.deepEqual(schemaOf("crm/task-wrapper-list.json").items, { $ref: "task-wrapper.json" });
  assert.deepEqual(schemaOf("primitives/string-list-list.json").items, { $ref: "string-list.json" });
  assert.deepEqual(schemaOf("primitives/bool-string-pair.json").required, ["key", "value"]);
  assert.equal(schemaOf("primitives/void.json").type, undefined);
  assert.equal(schemaOf("crm/sample.json").$comment, GENERATED);
  assert.throws(() => generate(catalogue, new Set(["crm/sample.json"])), /hand-written.*overwrite/);
});

test("names: kebab-case files and Json.NET's camelCase, quirks included", () => {
  assert.equal(kebab("EmployeeWraperFull"), "employee-wraper-full");
  assert.equal(kebab("CRMSettings"), "crm-settings");
  assert.equal(kebab("BaseSettings`1"), "base-settings");
  for (const [name, wire] of [
    ["IsLDAP", "isLDAP"],
    ["ID", "id"],
    ["UTCOffset", "utcOffset"],
    ["AES_128", "aeS_128"],
    ["RSA_SHA1", "rsA_SHA1"],
    ["id_mailbox", "id_mailbox"],
  ]) {
    assert.equal(jsonNetCamelCase(name), wire, name);
  }
});

test("on the wire: extra members pass, a missing required member or a wrong type fails", () => {
  const registry = createRegistry(SCHEMAS_DIR);
  const id = `${SCHEMA_BASE}group/group-wrapper-full.json`;
  const group = {
    id: "0b9b1e1a-0000-4000-8000-000000000001",
    name: "Sales",
    category: "00000000-0000-0000-0000-000000000000",
    parent: "00000000-0000-0000-0000-000000000000",
    description: null,
    manager: null,
    addedInAVersionToCome: 1,
  };
  assert.deepEqual(registry.validate(id, group), []);
  const { name: _, ...nameless } = group;
  assert.match(JSON.stringify(registry.validate(id, nameless)), /\/name.*missing/);
  assert.match(JSON.stringify(registry.validate(id, { ...group, parent: 7 })), /\/parent/);
});
