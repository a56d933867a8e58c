import { ApiError, badRequest, forbidden, RecordNotFoundError } from "../http/errors";
import type { Upload } from "../http/uploads";
import type { Store, StoredFile } from "../store/model";
import { allocateEntryId, isGuid } from "../store/queries";
import type { JsonValue } from "../wire/json-value";
import { FileOperationType, fileOperation, fileWrapper } from "../wrappers/files";
import { personFull } from "../wrappers/person";
import { myFolder, requireFile, requireFolder } from "./files";
import {
  type AuthenticatedRequest,
  anonymous,
  authenticated,
  type HandlerRequest,
  type HandlerResult,
  type Route,
} from "./route";

/** FileShare.ReadWrite: the owner's access. */
const FULL_ACCESS = 1;
/** FileType.Document: a new file without a known extension becomes a .docx (FSS:502-508). */
const DOCUMENT = 7;
const EXTENSIONS: Record<string, number> = { ".docx": DOCUMENT, ".xlsx": 5, ".pptx": 6, ".txt": DOCUMENT };

/** What the files module keeps beside the entries: the Favorites and Templates marks, the link shares. */
interface FileMarks {
  favorites: Set<string>;
  templates: Set<number>;
  links: Map<number, number>;
}
const MARKS = new WeakMap<Store, FileMarks>();

function marksOf(store: Store): FileMarks {
  const marks = MARKS.get(store) ?? { favorites: new Set(), templates: new Set(), links: new Map() };
  MARKS.set(store, marks);
  return marks;
}

function extensionOf(title: string): string {
  const dot = title.lastIndexOf(".");
  return dot > 0 ? title.slice(dot).toLowerCase() : "";
}

/** CreateNewFile: an empty title is "New Document.docx", one without a known extension gets .docx. */
function createFile(request: AuthenticatedRequest, folderId: number, title: string): HandlerResult {
  const known = EXTENSIONS[extensionOf(title)];
  const file: StoredFile = {
    id: allocateEntryId(request.store),
    title: title ? (known ? title : `${title}.docx`) : "New Document.docx",
    folderId,
    size: 0,
    fileType: known ?? DOCUMENT,
    comment: "Created",
    createdBy: request.user.id,
    created: request.now,
    updated: request.now,
  };
  if (!request.faults.has("create-not-stored")) request.store.files.set(file.id, file);
  return { outcome: "created", response: fileWrapper(file, request), asWritten: true };
}

/** A file's own link, its key (`doc`) the file id, opaque as the server's signature is. */
function sharedLink(request: HandlerRequest, fileId: number): string {
  const key = Buffer.from(String(fileId)).toString("base64url");
  return `${request.portalUrl}Products/Files/DocEditor.aspx?fileid=${fileId}&doc=${key}`;
}

/** Files larger than this are refused: the reference keeps what it is sent in memory. */
const MAX_UPLOAD_BYTES = 1024 * 1024;

function checkedSize(upload: Upload): number {
  if (upload.content.length > MAX_UPLOAD_BYTES)
    throw new ApiError(413, `File exceeds ${MAX_UPLOAD_BYTES} bytes`);
  return upload.content.length;
}

/**
 * FileUploader.Exec (DocumentsApi.cs:517-531): the file stored under the title sent, as sent (no
 * extension added), its size the content's.
 */
export function storeUpload(
  request: AuthenticatedRequest,
  folderId: number,
  title: string,
  upload: Upload,
): JsonValue {
  const file: StoredFile = {
    id: allocateEntryId(request.store),
    title,
    folderId,
    size: checkedSize(upload),
    fileType: EXTENSIONS[extensionOf(title)] ?? 0,
    comment: "Uploaded",
    createdBy: request.user.id,
    created: request.now,
    updated: request.now,
  };
  if (!request.faults.has("create-not-stored")) request.store.files.set(file.id, file);
  return fileWrapper(file, request);
}

/**
 * UploadFile (DocumentsApi.cs:436-465): the multipart files, one answered as a file, several as a
 * list; else the request stream, named by its Content-Disposition; else "No input files".
 */
function upload(request: AuthenticatedRequest, folderId: number): HandlerResult {
  const uploads = request.uploads ?? [];
  const posted = uploads.filter((each) => each.field !== "");
  if (posted.length === 0 && uploads.length === 0) throw badRequest("No input files");
  const stored = (posted.length ? posted : uploads).map((each) =>
    storeUpload(request, folderId, each.fileName, each),
  );
  return { outcome: "created", response: stored.length === 1 ? stored[0] : stored, asWritten: true };
}

/** A `Stream file` parameter: the multipart part named `file`, else the request stream (ApiArgumentBuilder.cs:106-110). */
function streamOf(request: AuthenticatedRequest): Upload {
  const uploads = request.uploads ?? [];
  const stream = uploads.find((each) => each.field === "file") ?? uploads.find((each) => each.field === "");
  if (!stream) throw badRequest("No input file");
  return stream;
}

/** InsertFile (DocumentsApi.cs:517-531): the stream stored under `title`. */
function insert(request: AuthenticatedRequest, folderId: number): HandlerResult {
  const response = storeUpload(request, folderId, request.params.required("title"), streamOf(request));
  return { outcome: "created", response, asWritten: true };
}

/** The Common Documents folder (Global.FolderCommon). */
function commonFolder(request: AuthenticatedRequest): number {
  return request.store.commonFolderId;
}

/**
 * The entries a body lists under `name` (`fileIds`, `folderIds`) that exist: the server's operations
 * report a missing one in their progress, not in the answer's status.
 */
function listed(request: AuthenticatedRequest, name: "fileIds" | "folderIds"): number[] {
  const entries = name === "fileIds" ? request.store.files : request.store.folders;
  return (request.params.list(name) ?? []).map(Number).filter((id) => entries.has(id));
}

function removeFiles(request: AuthenticatedRequest, ids: number[]): void {
  if (request.faults.has("delete-does-nothing")) return;
  for (const id of ids) request.store.files.delete(id);
}

/** Copies or moves the files into `destFolderId`, at once: the operation answered is finished. */
function moveOrCopy(request: AuthenticatedRequest, kind: "move" | "copy"): HandlerResult {
  const destination = requireFolder(request, "destFolderId");
  const ids = listed(request, "fileIds");
  const { store } = request;
  for (const id of ids) {
    const file = store.files.get(id) as StoredFile;
    if (kind === "move") {
      if (!request.faults.has("update-ignored")) file.folderId = destination.id;
    } else if (!request.faults.has("create-not-stored")) {
      const copy = { ...file, id: allocateEntryId(store), folderId: destination.id, created: request.now };
      store.files.set(copy.id, copy);
    }
  }
  return { outcome: "updated", response: [fileOperation(FileOperationType[kind], ids.length)] };
}

/**
 * The shares a share operation answers (FileSharing.GetSharedInfo, FileSharing.cs:185-205): the
 * owner's own, full and locked for the owner asking. The reference keeps no other person's share.
 */
function ownerShares(request: AuthenticatedRequest, ownerId: string): JsonValue[] {
  const owner = request.store.users.get(ownerId);
  const sharedTo = owner ? personFull(owner, request) : null;
  return [{ access: FULL_ACCESS, sharedTo, isLocked: ownerId === request.user.id, isOwner: true }];
}

/**
 * SetFileSecurityInfo and SetFolderSecurityInfo: each share names a person or group (a Guid) and a
 * FileShare, 400 at binding otherwise; FileSharing.SetAceObject skips the owner (FileSharing.cs:271-272).
 */
function share(request: AuthenticatedRequest, ownerId: string): HandlerResult {
  for (let index = 0; request.params.text(`share[${index}][shareTo]`) !== undefined; index++) {
    const subject = request.params.text(`share[${index}][shareTo]`) ?? "";
    const access = request.params.text(`share[${index}][access]`) ?? "0";
    if (!isGuid(subject) || !/^[0-8]$/.test(access)) throw badRequest();
  }
  return { outcome: "updated", response: ownerShares(request, ownerId) };
}

export const fileWriteRoutes: Route[] = [
  authenticated("GET", "files/file/{fileId}", (request) => ({
    outcome: "read",
    response: fileWrapper(requireFile(request, "fileId"), request),
  })),
  authenticated("POST", "files/@my/file", (request) =>
    createFile(request, myFolder(request).id, request.params.text("title") ?? ""),
  ),
  authenticated("POST", "files/{folderId}/file", (request) =>
    createFile(request, requireFolder(request, "folderId").id, request.params.text("title") ?? ""),
  ),
  authenticated("POST", "files/@my/upload", (request) => upload(request, myFolder(request).id)),
  authenticated("POST", "files/@common/upload", (request) => upload(request, commonFolder(request))),
  authenticated("POST", "files/{folderId}/upload", (request) =>
    upload(request, requireFolder(request, "folderId").id),
  ),
  authenticated("POST", "files/@my/insert", (request) => insert(request, myFolder(request).id)),
  authenticated("POST", "files/@common/insert", (request) => insert(request, commonFolder(request))),
  authenticated("POST", "files/{folderId}/insert", (request) =>
    insert(request, requireFolder(request, "folderId").id),
  ),
  // UpdateFileStream saves the stream as the file's next version, keeping its title: another
  // fileExtension only marks it converted (EntryManager.SaveEditing, EntryManager.cs:991, 1000).
  authenticated("PUT", "files/{fileId}/update", (request) => {
    const stored = requireFile(request, "fileId");
    const file = request.faults.has("update-ignored") ? structuredClone(stored) : stored;
    file.size = checkedSize(streamOf(request));
    file.version = (file.version ?? 1) + 1;
    file.updated = request.now;
    return { outcome: "updated", response: fileWrapper(file, request), asWritten: true };
  }),
  // CopyFileAs: a copy under the title sent, in the folder sent (a conversion when the extension
  // differs, which the reference does not tell apart).
  authenticated("POST", "files/file/{fileId}/copyas", (request) => {
    requireFile(request, "fileId");
    const folder = requireFolder(request, "destFolderId");
    return createFile(request, folder.id, request.params.required("destTitle"));
  }),
  // UpdateFile renames when a title is sent, keeping the file's extension (EntryManager.FileRename).
  authenticated("PUT", "files/file/{fileId}", (request) => {
    const stored = requireFile(request, "fileId");
    const file = request.faults.has("update-ignored") ? structuredClone(stored) : stored;
    const title = request.params.text("title");
    if (title) {
      const extension = extensionOf(file.title);
      file.title = extensionOf(title) === extension ? title : `${title}${extension}`;
      file.updated = request.now;
    }
    return { outcome: "updated", response: fileWrapper(file, request), asWritten: true };
  }),
  // ChangeHistory with continueVersion false: the last version given is copied as a new version that
  // starts a version group (EntryManager.CompleteVersionFile, EntryManager.cs:1249-1260); the answer
  // is the file's history, the newest first.
  authenticated("PUT", "files/file/{fileId}/history", (request) => {
    const stored = requireFile(request, "fileId");
    const file = request.faults.has("update-ignored") ? structuredClone(stored) : stored;
    const last = file.version ?? 1;
    const version = Number(request.params.text("version") ?? "0");
    if (!Number.isInteger(version) || version > last) throw new RecordNotFoundError("File not found");
    const group = file.versionGroup ?? 1;
    if (request.params.boolean("continueVersion")) {
      if (group > 1) file.versionGroup = group - 1;
    } else if (version === 0 || version === last) {
      file.version = last + 1;
      file.versionGroup = group + 1;
      file.updated = request.now;
    }
    const versions = Array.from({ length: file.version ?? 1 }, (_, index) => (file.version ?? 1) - index);
    const history = versions.map((each) => fileWrapper({ ...file, version: each }, request));
    return { outcome: "updated", response: history, asWritten: true };
  }),
  authenticated("DELETE", "files/file/{fileId}", (request) => {
    removeFiles(request, [requireFile(request, "fileId").id]);
    return { outcome: "deleted", response: [fileOperation(FileOperationType.delete, 1)] };
  }),
  authenticated("PUT", "files/fileops/delete", (request) => {
    const ids = listed(request, "fileIds");
    removeFiles(request, ids);
    return { outcome: "updated", response: [fileOperation(FileOperationType.delete, ids.length)] };
  }),
  authenticated("PUT", "files/fileops/move", (request) => moveOrCopy(request, "move")),
  authenticated("PUT", "files/fileops/copy", (request) => moveOrCopy(request, "copy")),
  authenticated("PUT", "files/fileops/markasread", (request) => {
    const count = listed(request, "fileIds").length + listed(request, "folderIds").length;
    return { outcome: "updated", response: [fileOperation(FileOperationType.markAsRead, count)] };
  }),
  // Favorites and templates: marks on entries, answered true (DocumentsApi.cs:2030-2088).
  authenticated("POST", "files/favorites", (request) => {
    const { favorites } = marksOf(request.store);
    for (const id of listed(request, "fileIds")) favorites.add(`file_${id}`);
    for (const id of listed(request, "folderIds")) favorites.add(`folder_${id}`);
    return { outcome: "updated", response: true };
  }),
  authenticated("DELETE", "files/favorites", (request) => {
    const { favorites } = marksOf(request.store);
    for (const id of listed(request, "fileIds")) favorites.delete(`file_${id}`);
    for (const id of listed(request, "folderIds")) favorites.delete(`folder_${id}`);
    return { outcome: "deleted", response: true };
  }),
  authenticated("POST", "files/templates", (request) => {
    const { templates } = marksOf(request.store);
    for (const id of listed(request, "fileIds")) templates.add(id);
    return { outcome: "updated", response: true };
  }),
  authenticated("DELETE", "files/templates", (request) => {
    const { templates } = marksOf(request.store);
    for (const id of listed(request, "fileIds")) templates.delete(id);
    return { outcome: "deleted", response: true };
  }),
  // GenerateSharedLink: the file's link share set to `share` (a FileShare), answered as the link.
  authenticated("PUT", "files/{fileId}/sharedlink", (request) => {
    const file = requireFile(request, "fileId");
    const share = request.params.text("share") ?? "";
    if (!/^[0-8]$/.test(share)) throw badRequest();
    marksOf(request.store).links.set(file.id, Number(share));
    return { outcome: "updated", response: sharedLink(request, file.id) };
  }),
  // ApplyShareLinkPassword (DocumentsApi.cs:1642-1686), anonymous: the key of a file's own link needs
  // no password and is answered with the link, changing nothing; a key naming no file's link is refused
  // as FSS's ErrorIf refuses it (InvalidOperationException, 403: FSS:2370-2381, 3052-3059). The
  // reference has no folder links.
  anonymous("POST", "files/sharedlink/password", (request) => {
    const isFolder = request.params.boolean("isFolder") ?? false;
    const fileId = Number(Buffer.from(request.params.text("key") ?? "", "base64url").toString());
    if (isFolder || !Number.isInteger(fileId) || !marksOf(request.store).links.has(fileId))
      throw forbidden("The link is not found");
    if (!request.store.files.has(fileId)) throw forbidden("The file was not found");
    return { outcome: "updated", response: sharedLink(request, fileId) };
  }),
  authenticated("PUT", "files/file/{fileId}/share", (request) =>
    share(request, requireFile(request, "fileId").createdBy),
  ),
  authenticated("PUT", "files/folder/{folderId}/share", (request) =>
    share(request, requireFolder(request, "folderId").createdBy),
  ),
  authenticated("DELETE", "files/share", (request) => {
    const { links } = marksOf(request.store);
    for (const id of listed(request, "fileIds")) links.delete(id);
    listed(request, "folderIds");
    return { outcome: "deleted", response: true };
  }),
];
