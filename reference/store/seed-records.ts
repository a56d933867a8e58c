import type { JsonValue } from "../wire/json-value";
import type { StoredFile } from "./model";
import { seedStore } from "./seed";

/**
 * The seeded users, groups, folders and files as record seeds for the modules served from data
 * (reference/modules/): an id the hand-written lists return resolves there too, to the same name.
 */
const store = seedStore();

export const USER_SEEDS: Record<string, JsonValue>[] = [...store.users.values()].map((user) => ({
  id: user.id,
  userName: user.userName,
  firstName: user.firstName,
  lastName: user.lastName,
  displayName: `${user.firstName} ${user.lastName}`,
  email: user.email,
  isAdmin: user.isAdmin,
  isOwner: user.isOwner,
  isVisitor: user.isVisitor,
  ...(user.title ? { title: user.title } : {}),
  // EmployeeStatus.Active and Activated, as reference/wrappers/person.ts writes every user.
  status: 1,
  activationStatus: 1,
}));

export const GROUP_SEEDS: Record<string, JsonValue>[] = [...store.groups.values()].map((group) => ({
  id: group.id,
  name: group.name,
  manager: (group.managerId && store.users.get(group.managerId)?.userName) || "",
}));

export const FOLDER_SEEDS: Record<string, JsonValue>[] = [...store.folders.values()].map((folder) => ({
  id: folder.id,
  title: folder.title,
  parentId: folder.parentId,
  rootFolderType: folder.rootFolderType,
}));

/** A file of the hand-written routes' store, as the files module's collection renders it. */
export const fileRecord = (file: StoredFile): Record<string, JsonValue> => ({
  id: file.id,
  title: file.title,
  folderId: file.folderId,
  pureContentLength: file.size,
  fileType: file.fileType,
  comment: file.comment,
});

export const FILE_SEEDS: Record<string, JsonValue>[] = [...store.files.values()].map(fileRecord);
