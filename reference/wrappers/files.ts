import { randomUUID } from "node:crypto";
import type { Folder, StoredFile } from "../store/model";
import { childFiles, childFolders, folderPath, folderSubtree } from "../store/queries";
import { formatApiDate } from "../wire/api-date";
import type { JsonObject } from "../wire/json-value";
import type { WrapContext } from "./context";
import { displayName, personSummary } from "./person";

/** FileShare.None: the owner's own entries carry no sharing restriction. */
const ACCESS_OWNER = 0;

function person(userId: string, context: WrapContext): JsonObject | null {
  const user = context.store.users.get(userId);
  return user ? personSummary(user, context) : null;
}

/** FileEntryWrapper members shared by files and folders. */
function entry(item: Folder | StoredFile, rootFolderType: number, context: WrapContext): JsonObject {
  return {
    id: item.id,
    title: item.title,
    access: ACCESS_OWNER,
    shared: false,
    rootFolderType: rootFolderType || undefined,
    updatedBy: person(item.createdBy, context),
    created: formatApiDate(item.created),
    createdBy: person(item.createdBy, context),
    updated: formatApiDate(item.updated),
  };
}

/** Counts cover the whole subtree, like the server's folder tree queries. */
export function folderWrapper(folder: Folder, context: WrapContext): JsonObject {
  const below = folderSubtree(context.store, folder.id);
  return {
    ...entry(folder, folder.rootFolderType, context),
    parentId: folder.parentId,
    filesCount: below.reduce((sum, each) => sum + childFiles(context.store, each.id).length, 0),
    foldersCount: below.length - 1,
  };
}

/**
 * Folder itself, as CreateFolders answers it (its DataMember names, schemas/files/folder.json): not
 * the FolderWrapper the other folder operations answer.
 */
export function folderEntry(folder: Folder, context: WrapContext): JsonObject {
  const wrapper = folderWrapper(folder, context);
  const author = context.store.users.get(folder.createdBy);
  const name = author ? displayName(author) : null;
  return {
    total_files: wrapper.filesCount,
    total_sub_folder: wrapper.foldersCount,
    isnew: 0,
    id: folder.id,
    title: folder.title,
    create_by_id: folder.createdBy,
    create_by: name,
    create_on: formatApiDate(folder.created),
    modified_on: formatApiDate(folder.updated),
    modified_by_id: folder.createdBy,
    modified_by: name,
    access: ACCESS_OWNER,
    shared: false,
    folder_id: folder.parentId,
    deleted_permanently_date: null,
    deny_download: false,
    deny_sharing: false,
  };
}

/** "12.3 KB", as the server's FilesSizeToString writes sizes. */
function contentLength(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number.parseFloat(value.toFixed(2))} ${units[unit]}`;
}

export function fileWrapper(file: StoredFile, context: WrapContext): JsonObject {
  const folder = context.store.folders.get(file.folderId);
  const handler = `${context.portalUrl}Products/Files/HttpHandlers/filehandler.ashx`;
  const extension = file.title.includes(".") ? file.title.slice(file.title.lastIndexOf(".")) : "";
  return {
    ...entry(file, folder?.rootFolderType ?? 0, context),
    folderId: file.folderId,
    version: file.version ?? 1,
    versionGroup: file.versionGroup ?? 1,
    contentLength: contentLength(file.size),
    pureContentLength: file.size,
    fileStatus: 0,
    viewUrl: `${handler}?action=download&fileid=${file.id}`,
    webUrl: `${context.portalUrl}Products/Files/DocEditor.aspx?fileid=${file.id}&version=${file.version ?? 1}`,
    fileType: file.fileType || undefined,
    fileExst: extension,
    comment: file.comment,
    thumbnailUrl: `${handler}?action=thumb&fileid=${file.id}`,
  };
}

/** FolderContentWrapper: the whole folder on one page, so count and total are the item count. */
export function folderContent(folder: Folder, context: WrapContext): JsonObject {
  const files = childFiles(context.store, folder.id).map((file) => fileWrapper(file, context));
  const folders = childFolders(context.store, folder.id).map((child) => folderWrapper(child, context));
  const count = files.length + folders.length;
  return {
    files,
    folders,
    current: folderWrapper(folder, context),
    pathParts: folderPath(context.store, folder.id),
    startIndex: 0,
    count,
    total: count,
    new: 0,
  };
}

/** FileOperationType (schemas/files/enums/file-operation-type.json). */
export const FileOperationType = { move: 0, copy: 1, delete: 2, markAsRead: 4 } as const;

/**
 * FileOperationWraper of an operation (FileOperationType `operation`) the reference performs
 * synchronously, so it is already finished. Every member is written (none has EmitDefaultValue=false):
 * `url` null, the entries it acted on not listed (FileOperationWraper.cs; wrappers.json).
 */
export function fileOperation(operation: number, processed: number): JsonObject {
  return {
    id: randomUUID(),
    operation,
    progress: 100,
    error: "",
    processed: String(processed),
    finished: true,
    url: null,
    files: [],
    folders: [],
  };
}
