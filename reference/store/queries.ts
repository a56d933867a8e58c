import type { Folder, Group, Store, StoredFile, User } from "./model";

export const EMPTY_GUID = "00000000-0000-0000-0000-000000000000";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(text: string): boolean {
  return GUID.test(text);
}

function findUserByName(store: Store, userName: string): User | undefined {
  const lower = userName.toLowerCase();
  for (const user of store.users.values()) if (user.userName.toLowerCase() === lower) return user;
  return undefined;
}

/** By userName (case-insensitive), else by id: the order `GET people/{userid}` looks users up in. */
export function findUser(store: Store, key: string): User | undefined {
  return findUserByName(store, key) ?? (isGuid(key) ? store.users.get(key.toLowerCase()) : undefined);
}

export function findUserByEmail(store: Store, email: string): User | undefined {
  const lower = email.trim().toLowerCase();
  return [...store.users.values()].find((user) => user.email.toLowerCase() === lower);
}

/**
 * Sign-in name: userName or email, case-insensitive; never the id (`POST authentication`'s userName
 * is "User name or email", community-server.openapi.json).
 */
export function findUserByLogin(store: Store, login: string): User | undefined {
  return findUserByName(store, login) ?? findUserByEmail(store, login);
}

export function groupsOf(store: Store, userId: string): Group[] {
  return [...store.groups.values()].filter((group) => group.memberIds.includes(userId));
}

export function childFolders(store: Store, folderId: number): Folder[] {
  return [...store.folders.values()].filter((folder) => folder.parentId === folderId);
}

export function childFiles(store: Store, folderId: number): StoredFile[] {
  return [...store.files.values()].filter((file) => file.folderId === folderId);
}

/** The folder and every folder below it. */
export function folderSubtree(store: Store, folderId: number): Folder[] {
  const root = store.folders.get(folderId);
  if (!root) return [];
  return [root, ...childFolders(store, folderId).flatMap((child) => folderSubtree(store, child.id))];
}

/** Folder ids from the root down to (and including) the folder. */
export function folderPath(store: Store, folderId: number): number[] {
  const path: number[] = [];
  for (let folder = store.folders.get(folderId); folder; folder = store.folders.get(folder.parentId)) {
    path.unshift(folder.id);
  }
  return path;
}

export function allocateEntryId(store: Store): number {
  store.nextEntryId += 1;
  return store.nextEntryId;
}
