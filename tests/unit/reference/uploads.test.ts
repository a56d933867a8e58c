import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ApiError } from "../../../reference/http/errors";
import { MAX_PARTS, parseMultipart } from "../../../reference/http/uploads";
import { type Api, reference } from "./support";

const TYPE = "multipart/form-data; boundary=xyz";
const part = (headers: string, content: string) => `--xyz\r\n${headers}\r\n\r\n${content}\r\n`;
const refusal = (body: string, type = TYPE) => {
  try {
    parseMultipart(Buffer.from(body), type);
  } catch (error) {
    assert.ok(error instanceof ApiError, String(error));
    return `${error.status} ${error.message}`;
  }
  assert.fail("expected a refusal");
};

test("multipart parsing: quoted and bare names, a file without a type, an empty file, a body with two files", () => {
  const body =
    part("Content-Disposition: form-data; name=title", "t") +
    part('content-disposition: form-data; name="a"; filename="one.txt"', "") +
    part(
      'Content-Disposition: form-data; name="b"; filename=two%20x.bin\r\nContent-Type: image/png',
      "\u0000\u00ff",
    ) +
    "--xyz--\r\n";
  const { params, uploads } = parseMultipart(Buffer.from(body, "latin1"), TYPE);
  assert.deepEqual([...params], [["title", ["t"]]]);
  assert.deepEqual(
    uploads.map((u) => [u.field, u.fileName, u.contentType, [...u.content]]),
    [
      ["a", "one.txt", "application/octet-stream", []],
      ["b", "two x.bin", "image/png", [0, 255]],
    ],
  );
});

test("multipart parsing refuses what it cannot read, with a 400 and no stack trace", () => {
  const closed = "--xyz--\r\n";
  assert.match(refusal(closed, "multipart/form-data"), /^400 .*boundary/);
  assert.match(refusal("no delimiter at all"), /^400 .*without its boundary/);
  assert.match(refusal(part("Content-Disposition: form-data", "x") + closed), /^400 .*without a name/);
  assert.match(
    refusal('--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nnever closed'),
    /^400 .*not closed/,
  );
  assert.match(
    refusal(`--xyz\r\nContent-Disposition: form-data; name="a"${"x".repeat(9000)}`),
    /^400 .*headers/,
  );
  const many = Array.from({ length: MAX_PARTS + 1 }, (_, i) =>
    part(`Content-Disposition: form-data; name=p${i}`, ""),
  );
  assert.match(refusal(many.join("") + closed), new RegExp(`^400 more than ${MAX_PARTS} parts`));
  assert.equal(parseMultipart(Buffer.from(many.slice(1).join("") + closed), TYPE).params.size, MAX_PARTS);
});

let api: Api;
before(async () => {
  api = await reference();
});
after(() => api.close());

const multipart = (fields: Record<string, string>, name: string, content: string): RequestInit => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append("file", new Blob([content], { type: "text/plain" }), name);
  return { method: "POST", body: form };
};

test("an uploaded file is kept: listed in its folder, read back with its size, updated, gone after its delete", async () => {
  const my = () => api.json("files/@my.json");
  const folder = ((await my()).body.response as { current: { id: number } }).current.id;
  const uploaded = await api.json(`files/${folder}/upload.json`, multipart({}, "wc-test.txt", "hello"));
  assert.equal(uploaded.status, 201);
  const file = uploaded.body.response as {
    id: number;
    title: string;
    pureContentLength: number;
    version: number;
  };
  assert.deepEqual([file.title, file.pureContentLength], ["wc-test.txt", 5]);
  const listed = ((await my()).body.response as { files: { id: number }[] }).files.map((f) => f.id);
  assert.ok(listed.includes(file.id));
  const update = multipart({ fileExtension: "md" }, "ignored.txt", "hello again");
  const updated = await api.json(`files/${file.id}/update.json`, { ...update, method: "PUT" });
  assert.equal(updated.status, 200);
  const read = (await api.json(`files/file/${file.id}.json`)).body.response as typeof file;
  assert.deepEqual([read.title, read.pureContentLength, read.version], ["wc-test.txt", 11, 2]);
  await api.json(`files/file/${file.id}.json?immediately=true`, { method: "DELETE" });
  assert.equal((await api.json(`files/file/${file.id}.json`)).status, 404);
});

test("insert takes its title from the form and the part `file`; a raw body is named by its Content-Disposition", async () => {
  const inserted = await api.json(
    "files/@common/insert.json",
    multipart({ title: "wc-common.txt" }, "x.txt", "abc"),
  );
  assert.equal(inserted.status, 201);
  const common = (await api.json("files/@common.json")).body.response as { files: { title: string }[] };
  assert.ok(common.files.some((f) => f.title === "wc-common.txt"));
  const raw = await api.json("files/@my/upload.json", {
    method: "POST",
    headers: { "Content-Type": "text/plain", "Content-Disposition": 'attachment; filename="wc%20raw.txt"' },
    body: "raw!",
  });
  assert.deepEqual(
    [
      raw.status,
      (raw.body.response as { title: string }).title,
      (raw.body.response as { pureContentLength: number }).pureContentLength,
    ],
    [201, "wc raw.txt", 4],
  );
  const none = await api.json("files/@my/upload.json", {
    method: "POST",
    ...{ headers: { "Content-Type": "application/json" } },
    body: "{}",
  });
  assert.equal(none.status, 400, "no file at all");
});

test("the generic engine's fromUpload: a wiki file named by its filename, read and deleted; none posted is 400", async () => {
  const posted = await api.json("community/wiki/file.json", multipart({}, "wc-wiki.txt", "abc"));
  assert.equal(posted.status, 201);
  assert.equal((posted.body.response as { name: string }[])[0].name, "wc-wiki.txt");
  const read = await api.json("community/wiki/file/wc-wiki.txt.json");
  assert.equal((read.body.response as { name: string }).name, "wc-wiki.txt");
  assert.equal((await api.json("community/wiki/file/wc-wiki.txt.json", { method: "DELETE" })).status, 200);
  assert.equal((await api.json("community/wiki/file/wc-wiki.txt.json")).status, 404);
  const none = await api.json("community/wiki/file.json", { method: "POST", body: new FormData() });
  assert.equal(none.status, 400);
  const sized = await api.json("crm/case/1/files/upload.json", multipart({}, "wc-crm.txt", "12345"));
  assert.deepEqual(
    [
      (sized.body.response as { title: string }).title,
      (sized.body.response as { pureContentLength: number }).pureContentLength,
    ],
    ["wc-crm.txt", 5],
  );
});

test("the generic engine's fromUpload on an update: a contact's photo changes what the contact reads; none posted is 400", async () => {
  const photo = new FormData();
  photo.append(
    "photo",
    new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" }),
    "wc.png",
  );
  const before = (await api.json("crm/contact/1001.json")).body.response as { mediumFotoUrl: string };
  const changed = await api.json("crm/contact/1001/changephoto.json", { method: "PUT", body: photo });
  assert.equal(changed.status, 200);
  const after = (await api.json("crm/contact/1001.json")).body.response as { mediumFotoUrl: string };
  assert.notEqual(after.mediumFotoUrl, before.mediumFotoUrl);
  assert.equal(changed.body.response, after.mediumFotoUrl, "answers the contact's new photo");
  const none = await api.json("crm/contact/1001/changephoto.json", { method: "PUT", body: new FormData() });
  assert.equal(none.status, 400);
});
