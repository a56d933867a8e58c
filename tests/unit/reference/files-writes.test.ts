import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Api, reference } from "./support";

let api: Api;
before(async () => {
  api = await reference();
});
after(() => api.close());

const send = (method: string, path: string, body: Record<string, unknown>) =>
  api.json(`${path}.json`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

test("a file made in a folder: copied, moved and deleted, each kept in the folders' contents", async () => {
  const my = (await api.json("files/@my.json")).body.response as { current: { id: number } };
  const made = async (title: string) =>
    ((await send("POST", `files/folder/${my.current.id}`, { title })).body.response as { id: number }).id;
  const [from, to] = [await made("wc-test-from"), await made("wc-test-to")];
  const created = await send("POST", `files/${from}/file`, { title: "wc-test" });
  assert.equal(created.status, 201);
  const file = created.body.response as { id: number; title: string };
  assert.equal(file.title, "wc-test.docx", "a title without a known extension is a document");
  const titles = async (folder: number) =>
    ((await api.json(`files/${folder}.json`)).body.response as { files: { title: string }[] }).files.map(
      (f) => f.title,
    );
  await send("PUT", "files/fileops/copy", { destFolderId: to, fileIds: [file.id] });
  assert.deepEqual([await titles(from), await titles(to)], [["wc-test.docx"], ["wc-test.docx"]]);
  await send("PUT", "files/fileops/move", { destFolderId: to, fileIds: [file.id] });
  assert.deepEqual([await titles(from), await titles(to)], [[], ["wc-test.docx", "wc-test.docx"]]);
  await send("PUT", "files/fileops/delete", { fileIds: [file.id], immediately: true });
  assert.equal((await api.json(`files/file/${file.id}.json`)).status, 404);
  assert.deepEqual(await titles(to), ["wc-test.docx"]);
});

test("the account's Documents settings: each write answers and keeps the value; the trash's auto-cleanup reads back", async () => {
  assert.equal((await send("PUT", "files/storeoriginal", { set: false })).body.response, false);
  const cleanup = { isAutoCleanUp: true, gap: 2 };
  assert.deepEqual(
    (await send("PUT", "files/settings/autocleanup", { set: true, gap: 2 })).body.response,
    cleanup,
  );
  assert.deepEqual((await api.json("files/settings/autocleanup.json")).body.response, cleanup);
  assert.equal((await send("PUT", "files/settings/autocleanup", { set: true, gap: 6 })).status, 400);
  assert.deepEqual(
    (await send("PUT", "files/settings/dafaultaccessrights", { value: [5, 1, 2] })).body.response,
    [5, 1],
  );
  assert.deepEqual(
    (await send("PUT", "files/settings/dafaultaccessrights", {})).body.response,
    [2],
    "none: Read",
  );
  const archive = (await send("PUT", "files/settings/downloadtargz", { set: true })).body.response;
  assert.equal((archive as { archiveExtension: string }).archiveExtension, ".tar.gz");
});

test("a visitor's password for a file's own link: its key answers the link with no credentials; another key is refused", async () => {
  const file = (await send("POST", "files/@my/file", { title: "wc-test-link.docx" })).body.response as {
    id: number;
  };
  const link = (await send("PUT", `files/${file.id}/sharedlink`, { share: 2 })).body.response as string;
  const key = new URL(link).searchParams.get("doc");
  const visit = (body: Record<string, unknown>) =>
    api.fetch("files/sharedlink/password.json", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  const answered = await visit({ key, isFolder: false });
  assert.equal(answered.status, 200);
  assert.equal(((await answered.json()) as { response: string }).response, link);
  assert.equal((await visit({ key: "nothing", isFolder: false })).status, 403);
  await send("DELETE", `files/file/${file.id}`, { immediately: true });
  assert.equal((await visit({ key, isFolder: false })).status, 403, "the file's link goes with it");
});

test("a mail attachment exported to documents: a new file in My documents under its name, answered by id", async () => {
  const exported = await send("PUT", "mail/messages/attachment/export", { id_attachment: 301 });
  assert.equal(exported.status, 200);
  const id = exported.body.response as number;
  const file = (await api.json(`files/file/${id}.json`)).body.response as { title: string };
  assert.equal(file.title, "report.pdf");
  assert.equal((await send("PUT", "mail/messages/attachment/export", { id_attachment: 0 })).status, 400);
  assert.equal(
    (await send("PUT", "mail/messages/attachment/export", { id_attachment: 999999 })).body.response,
    -1,
  );
  await send("DELETE", `files/file/${id}`, { immediately: true });
  assert.equal((await api.json(`files/file/${id}.json`)).status, 404);
});
