import { badRequest, forbidden, RecordNotFoundError } from "../http/errors";
import { type Folder, FolderType, type StoredFile } from "../store/model";
import { allocateEntryId, childFolders, folderSubtree } from "../store/queries";
import {
  FileOperationType,
  fileOperation,
  folderContent,
  folderEntry,
  folderWrapper,
} from "../wrappers/files";
import { type AuthenticatedRequest, authenticated, type HandlerResult, type Route } from "./route";

export function newFolder(request: AuthenticatedRequest, title: string, parent?: Folder): Folder {
  const folder: Folder = {
    id: allocateEntryId(request.store),
    title,
    parentId: parent?.id ?? 0,
    rootFolderType: parent?.rootFolderType ?? FolderType.user,
    createdBy: request.user.id,
    created: request.now,
    updated: request.now,
  };
  request.store.folders.set(folder.id, folder);
  return folder;
}

/** The caller's `@my` root; users other than the seeded admin get theirs on first use. */
export function myFolder(request: AuthenticatedRequest): Folder {
  const { store, user } = request;
  const existing = store.folders.get(store.myFolders.get(user.id) ?? -1);
  if (existing) return existing;
  const folder = newFolder(request, "My Documents");
  store.myFolders.set(user.id, folder.id);
  return folder;
}

/**
 * Folder and file ids are integers: anything else is 400, an unknown one 404 "Folder not found"
 * or "File not found" (403 with the fault that imitates Workspace 12.x, faults/not-found.ts).
 */
function requireEntry<T>(
  request: AuthenticatedRequest,
  name: string,
  entries: Map<number, T>,
  kind: "folder" | "file",
): T {
  const text = request.params.required(name);
  if (!/^\d+$/.test(text)) throw badRequest();
  const entry = entries.get(Number(text));
  if (!entry && request.faults.has("files-not-found-returns-403"))
    throw forbidden(`The required ${kind} was not found`);
  if (!entry) throw new RecordNotFoundError(kind === "folder" ? "Folder not found" : "File not found");
  return entry;
}

export function requireFolder(request: AuthenticatedRequest, name: string): Folder {
  return requireEntry(request, name, request.store.folders, "folder");
}

export function requireFile(request: AuthenticatedRequest, name: string): StoredFile {
  return requireEntry(request, name, request.store.files, "file");
}

function requireNotRoot(folder: Folder): void {
  if (folder.parentId === 0) throw forbidden("The root folders cannot be changed");
}

function contents(request: AuthenticatedRequest, folder: Folder): HandlerResult {
  const response = folderContent(folder, request);
  return { outcome: "read", response, count: response.count as number };
}

export const filesRoutes: Route[] = [
  authenticated("GET", "files/@my", (request) => contents(request, myFolder(request))),
  authenticated("GET", "files/@common", (request) =>
    contents(request, request.store.folders.get(request.store.commonFolderId) as Folder),
  ),
  authenticated("GET", "files/{folderId}", (request) =>
    contents(request, requireFolder(request, "folderId")),
  ),
  authenticated("GET", "files/folder/{folderId}", (request) => ({
    outcome: "read",
    response: folderWrapper(requireFolder(request, "folderId"), request),
  })),
  authenticated("POST", "files/folder/{parentId}", (request) => {
    const parent = requireFolder(request, "parentId");
    const folder = newFolder(request, request.params.required("title"), parent);
    const response = folderWrapper(folder, request);
    if (request.faults.has("create-not-stored")) request.store.folders.delete(folder.id);
    return { outcome: "created", response };
  }),
  // CreateNewFolders: the first relative path's folders, made where missing (FileUploader.GetFolderId),
  // answered as the deepest one; the other paths are made too.
  authenticated("POST", "files/folders/{folderId}", (request) => {
    const parent = requireFolder(request, "folderId");
    const paths = request.params.list("relativePaths") ?? [];
    if (paths.length === 0) throw badRequest();
    const before = new Set(request.store.folders.keys());
    const made = paths.map((path) =>
      path
        .split("/")
        .filter((title) => title.length > 0)
        .reduce(
          (folder, title) =>
            childFolders(request.store, folder.id).find((child) => child.title === title) ??
            newFolder(request, title, folder),
          parent,
        ),
    );
    const response = folderEntry(made[0], request);
    if (request.faults.has("create-not-stored"))
      for (const id of request.store.folders.keys()) if (!before.has(id)) request.store.folders.delete(id);
    return { outcome: "created", response, asWritten: true };
  }),
  authenticated("PUT", "files/folder/{folderId}", (request) => {
    const stored = requireFolder(request, "folderId");
    requireNotRoot(stored);
    const folder = request.faults.has("update-ignored") ? structuredClone(stored) : stored;
    folder.title = request.params.required("title");
    folder.updated = request.now;
    return { outcome: "updated", response: folderWrapper(folder, request) };
  }),
  authenticated("DELETE", "files/folder/{folderId}", (request) => {
    const folder = requireFolder(request, "folderId");
    requireNotRoot(folder);
    const { store } = request;
    if (!request.faults.has("delete-does-nothing")) {
      const removed = new Set(folderSubtree(store, folder.id).map((each) => each.id));
      for (const id of removed) store.folders.delete(id);
      for (const file of store.files.values()) if (removed.has(file.folderId)) store.files.delete(file.id);
    }
    return { outcome: "deleted", response: [fileOperation(FileOperationType.delete, 1)] };
  }),
];
