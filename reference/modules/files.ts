import type { ModuleData } from "../generic/module-data";
import { FILE_SEEDS, FOLDER_SEEDS } from "../store/seed-records";

// The reads of files the hand-written routes (reference/routes/files.ts) do not serve. Folders and
// files are the seeded ones, so an id GET files/@my returns names the same entry here.
const data: ModuleData = {
  module: "files",
  collections: {
    folders: { schema: "files/folder-wrapper.json", seeds: FOLDER_SEEDS },
    files: { schema: "files/file-wrapper.json", seeds: FILE_SEEDS },
  },
  values: {
    fileExst: [".docx", ".xlsx", ".pptx"],
    contentLength: ["12.3 KB", "47.09 KB", "1.2 MB"],
    comment: ["Uploaded", "Edited"],
  },
  routes: [
    { path: "files/@root", schema: "files/folder-content-wrapper-list.json" },
    { path: "files/@projects", schema: "files/folder-content-wrapper.json" },
    { path: "files/@share", schema: "files/folder-content-wrapper.json" },
    { path: "files/@recent", schema: "files/folder-content-wrapper.json" },
    { path: "files/@favorites", schema: "files/folder-content-wrapper.json" },
    { path: "files/@templates", schema: "files/folder-content-wrapper.json" },
    { path: "files/@trash", schema: "files/folder-content-wrapper.json" },
    {
      path: "files/folder/{folderId}/path",
      schema: "files/folder-wrapper-list.json",
      ids: { folderId: "folders" },
    },
    {
      path: "files/folder/{folderId}/share",
      schema: "files/file-share-wrapper-list.json",
      ids: { folderId: "folders" },
    },
    {
      path: "files/file/{fileId}",
      schema: "files/file-wrapper.json",
      ids: { fileId: "files" },
      record: "fileId",
    },
    {
      path: "files/file/{fileId}/checkconversion",
      schema: "files/conversation-result-list.json",
      ids: { fileId: "files" },
    },
    { path: "files/file/{fileId}/presigneduri", schema: "primitives/string.json", ids: { fileId: "files" } },
    { path: "files/file/{fileId}/history", schema: "files/file-wrapper-list.json", ids: { fileId: "files" } },
    {
      path: "files/file/{fileId}/share",
      schema: "files/file-share-wrapper-list.json",
      ids: { fileId: "files" },
    },
    // Side effects on the server (the YAML's `effects:`); here they change nothing.
    {
      path: "files/file/{fileId}/trackeditfile",
      schema: "primitives/bool-string-pair.json",
      ids: { fileId: "files" },
    },
    { path: "files/file/{fileId}/openedit", schema: "files/configuration.json", ids: { fileId: "files" } },
    {
      path: "files/{fileId}/sharedlink/template",
      schema: "files/ace-wrapper.json",
      ids: { fileId: "files" },
    },
    { path: "files/{fileId}/properties", schema: "files/entry-properties.json", ids: { fileId: "files" } },
    { path: "files/fileops/move", schema: "files/file-wrapper-list.json" },
    { path: "files/fileops", schema: "files/file-operation-wraper-list.json" },
    { path: "files/thirdparty", schema: "files/third-party-params-list.json" },
    { path: "files/thirdparty/common", schema: "files/folder-list.json" },
    { path: "files/@search/{query}", schema: "files/file-entry-wrapper-list.json" },
    { path: "files/settings/autocleanup", schema: "files/auto-clean-up-data.json" },
    { path: "files/docservice", schema: "files/get-doc-service-url.json" },
  ],
};

export default data;
