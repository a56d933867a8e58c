import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ContractError } from "../../helpers/contract/contract";
import { loadContracts } from "../../helpers/contract/loader";
import { encodeBody, multipartEncode } from "../../helpers/http/client";
import { parseMultipart, rawUpload } from "../../reference/http/uploads";

const file = { field: "file", name: "wc-run-1.txt", contentType: "text/plain", content: "a\r\nb\n" };

test("multipart/form-data: members as text parts, then the file with its name and type, CRLF throughout", () => {
  const { headers, data } = multipartEncode({ title: "wc-run-1.txt", share: { access: 1 } }, file);
  const boundary = /^multipart\/form-data; boundary=(\S+)$/.exec(headers["Content-Type"])?.[1];
  assert.ok(boundary, headers["Content-Type"]);
  assert.equal(
    data,
    [
      `--${boundary}`,
      'Content-Disposition: form-data; name="title"',
      "",
      "wc-run-1.txt",
      `--${boundary}`,
      'Content-Disposition: form-data; name="share[access]"',
      "",
      "1",
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="wc-run-1.txt"',
      "Content-Type: text/plain",
      "",
      "a\r\nb\n",
      `--${boundary}--`,
      "",
    ].join("\r\n"),
  );
  // What the reference's parser (and a server's) reads back from it.
  const parsed = parseMultipart(Buffer.from(data), headers["Content-Type"]);
  assert.deepEqual(
    [...parsed.params],
    [
      ["title", ["wc-run-1.txt"]],
      ["share[access]", ["1"]],
    ],
  );
  assert.equal(parsed.uploads.length, 1);
  assert.deepEqual(
    { ...parsed.uploads[0], content: parsed.uploads[0].content.toString() },
    { field: "file", fileName: "wc-run-1.txt", contentType: "text/plain", content: "a\r\nb\n" },
  );
});

test("a quote or line break in a name cannot break out of its header; content holding the boundary is refused", () => {
  const { headers, data } = multipartEncode({}, { ...file, name: 'a"b\r\nX-Evil: 1.txt' });
  const parsed = parseMultipart(Buffer.from(data), headers["Content-Type"]);
  assert.equal(
    parsed.uploads[0].fileName,
    'a"b\r\nX-Evil: 1.txt',
    "escaped as sent, decoded as the server does",
  );
  assert.equal(
    String(data)
      .split("\r\n")
      .filter((line) => line.startsWith("X-Evil")).length,
    0,
  );
  const boundary = headers["Content-Type"].split("boundary=")[1];
  assert.throws(() => multipartEncode({}, { ...file, content: `x\r\n--${boundary}--` }), /its own boundary/);
});

test("a file given in base64 (an image) is sent as its bytes, which the parser reads back whole", () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);
  const image = { ...file, name: "wc-run-1.png", contentType: "image/png", encoding: "base64" as const };
  const { headers, data } = multipartEncode({ title: "t" }, { ...image, content: png.toString("base64") });
  assert.ok(Buffer.isBuffer(data));
  const parsed = parseMultipart(data, headers["Content-Type"]);
  assert.deepEqual(parsed.uploads[0].content, png);
  assert.equal(parsed.uploads[0].contentType, "image/png");
  const raw = encodeBody({ kind: "raw", file: { ...image, content: png.toString("base64") } });
  assert.deepEqual(raw.data, png);
});

test("a raw upload: the file is the body, named by a Content-Disposition the server URL-decodes", () => {
  const { headers, data } = encodeBody({ kind: "raw", file: { ...file, name: "wc run é.txt" } });
  assert.deepEqual(headers, {
    "Content-Type": "text/plain",
    "Content-Disposition": 'attachment; filename="wc%20run%20%C3%A9.txt"',
  });
  assert.equal(data, file.content);
  const upload = rawUpload(Buffer.from(data), headers["Content-Type"], headers["Content-Disposition"]);
  assert.equal(upload?.fileName, "wc run é.txt");
  assert.equal(rawUpload(Buffer.from(data), "text/plain", undefined), undefined, "no name, no upload");
});

function problemsOf(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), "contract-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  try {
    loadContracts(dir);
  } catch (error) {
    assert.ok(error instanceof ContractError, String(error));
    return error.problems;
  }
  assert.fail("expected a ContractError");
}

const contract = (upload: string, extra = "") =>
  [
    "section: files",
    "operations:",
    "  insert:",
    "    request: POST api/2.0/files/@my/insert",
    "    creates: true",
    `    upload: ${upload}`,
    extra,
    "    undo: { operation: remove, params: { fileid: id } }",
    "  remove:",
    "    request: DELETE api/2.0/files/file/{fileid}",
    "    params:",
    "      fileid: { value: 1, source: module/ASC.Api/ASC.Api.Documents/DocumentsApi.cs:1127 }",
    "",
  ].join("\n");

test("upload: defaults to multipart with the part `file`; a well-formed one loads", () => {
  const dir = mkdtempSync(join(tmpdir(), "contract-"));
  writeFileSync(
    join(dir, "files.yaml"),
    contract('{ name: "{unique}.txt", contentType: text/plain, content: "x" }', "    body: { title: a }"),
  );
  const op = loadContracts(dir)[0].operations[0];
  assert.deepEqual(op.upload, {
    as: "multipart",
    field: "file",
    name: "{unique}.txt",
    contentType: "text/plain",
    content: "x",
  });
});

test("a malformed upload fails with file:line:col and what is wrong", () => {
  assert.match(
    problemsOf({ "files.yaml": contract("{ name: a.txt, content: x }") })[0],
    /files\.yaml:6:\d+ operations\.insert\.upload.contentType: is missing \(required\)/,
  );
  assert.match(
    problemsOf({
      "files.yaml": contract("{ as: stream, name: a.txt, contentType: text/plain, content: x }"),
    })[0],
    /files\.yaml:6:\d+ operations\.insert\.upload\.as: should be one of \["multipart","raw"\]/,
  );
  assert.match(
    problemsOf({ "files.yaml": contract('{ name: "a/b.txt", contentType: text/plain, content: x }') })[0],
    /files\.yaml:6:\d+ operations\.insert\.upload\.name: must match pattern/,
  );
  assert.match(
    problemsOf({
      "files.yaml": contract(
        "{ as: raw, name: a.txt, contentType: text/plain, content: x }",
        "    body: { title: a }",
      ),
    })[0],
    /files\.yaml:\d+:\d+ operations\.insert: a raw upload is the whole request body/,
  );
});
