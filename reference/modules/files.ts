import type { ModuleData } from "../generic/module-data";
import { FILE_SEEDS, FOLDER_SEEDS, fileRecord } from "../store/seed-records";

// The reads of files the hand-written routes (reference/routes/files.ts) do not serve. Folders and
// files are the seeded ones, so an id GET files/@my returns names the same entry here.
const data: ModuleData = {
  module: "files",
  collections: {
    folders: {
      schema: "files/folder-wrapper.json",
      seeds: FOLDER_SEEDS,
      // My Documents and Common Documents (the first seeds): made on the first read of either.
      fresh: {
        records: 2,
        madeBy: "install",
        source: "web/studio/ASC.Web.Studio/Products/Files/Helpers/Global.cs:515-551",
      },
      // As the hand-written folder routes (routes/files.ts): 12.x's ErrorIf(folder == null, ...).
      forbiddenUnder: { fault: "files-not-found-returns-403", message: "The required folder was not found" },
    },
    files: {
      schema: "files/file-wrapper.json",
      seeds: FILE_SEEDS,
      held: (store) => [...store.files.values()].map(fileRecord),
      // 12.x's ErrorIf(file == null, ...) in GetFile and GetFileProperties (specs/files.yaml).
      forbiddenUnder: { fault: "files-not-found-returns-403", message: "The required file was not found" },
    },
  },
  values: {
    fileExst: [".docx", ".xlsx", ".pptx"],
    contentLength: ["12.3 KB", "47.09 KB", "1.2 MB"],
    comment: ["Uploaded", "Edited"],
  },
  routes: [
    {
      path: "files/@root",
      builtIn: {
        madeBy: "install",
        source: "web/studio/ASC.Web.Studio/Products/Files/Helpers/Global.cs:515-551",
      },
    },
    { path: "files/@projects" },
    { path: "files/@share" },
    { path: "files/@recent" },
    { path: "files/@favorites" },
    { path: "files/@templates" },
    { path: "files/@trash" },
    // A folder's path and its sharing list (its owner at least) come with the folder.
    {
      path: "files/folder/{folderId}/path",
      ids: { folderId: "folders" },
      builtIn: { madeBy: "install", source: "module/ASC.Api/ASC.Api.Documents/DocumentsApi.cs:1038" },
    },
    {
      path: "files/folder/{folderId}/share",
      ids: { folderId: "folders" },
      builtIn: { madeBy: "install", source: "module/ASC.Api/ASC.Api.Documents/DocumentsApi.cs:1491" },
    },
    {
      path: "files/file/{fileId}/checkconversion",
      ids: { fileId: "files" },
    },
    { path: "files/file/{fileId}/presigneduri", ids: { fileId: "files" } },
    { path: "files/file/{fileId}/history", ids: { fileId: "files" } },
    {
      path: "files/file/{fileId}/share",
      ids: { fileId: "files" },
    },
    // Side effects on the server (the YAML's `effects:`); here they change nothing.
    {
      path: "files/file/{fileId}/trackeditfile",
      ids: { fileId: "files" },
    },
    { path: "files/file/{fileId}/openedit", ids: { fileId: "files" } },
    {
      path: "files/{fileId}/sharedlink/template",
      ids: { fileId: "files" },
    },
    { path: "files/{fileId}/properties", ids: { fileId: "files" } },
    { path: "files/fileops/move" },
    { path: "files/fileops" },
    { path: "files/thirdparty" },
    { path: "files/thirdparty/common" },
    { path: "files/@search/{query}" },
    { path: "files/docservice" },
  ],
};

export default data;
