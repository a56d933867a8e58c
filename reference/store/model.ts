/** The in-memory records one reference instance serves. Each instance owns its own Store. */

export interface Contact {
  type: string;
  value: string;
}

export interface User {
  id: string;
  userName: string;
  password?: string;
  firstName: string;
  lastName: string;
  email: string;
  isVisitor: boolean;
  isAdmin: boolean;
  isOwner: boolean;
  /** EmployeeStatus 2, Terminated (suspended); absent: Active. */
  status?: 2;
  sex?: "male" | "female";
  birthday?: Date;
  workFrom?: Date;
  title?: string;
  location?: string;
  notes?: string;
  cultureName?: string;
  contacts: Contact[];
  listAdminModules: string[];
}

export interface Group {
  id: string;
  name: string;
  managerId?: string;
  memberIds: string[];
}

/** FolderType values the wrappers expose as rootFolderType. */
export const FolderType = { common: 1, user: 5 } as const;

export interface Folder {
  id: number;
  title: string;
  parentId: number; // 0 for a root
  rootFolderType: number;
  createdBy: string;
  created: Date;
  updated: Date;
}

export interface StoredFile {
  id: number;
  title: string;
  folderId: number;
  size: number;
  fileType: number;
  comment: string;
  createdBy: string;
  created: Date;
  updated: Date;
  /** The last version and its version group: 1 for a file never edited (absent). */
  version?: number;
  versionGroup?: number;
}

export interface Portal {
  tenantId: number;
  tenantAlias: string;
  name: string;
  language: string;
  created: Date;
  ownerId: string;
}

export interface Session {
  userId: string;
  expires: Date;
}

/**
 * A freshly installed portal (reference `--empty`): the admin, the built-in folders and lists,
 * nothing else. `crmOpened`: someone has opened the CRM, which creates its built-in lists.
 */
export interface FreshPortal {
  crmOpened: boolean;
}

/**
 * What the run's writes did to one collection served from data (reference/generic/writes.ts): the
 * seeded records stay computed, so only the differences are kept.
 */
export interface CollectionChanges {
  /** Records created, in order: their id and the members the request gave. */
  added: { id: number | string; members: Record<string, unknown>; parent?: string }[];
  /** Members an update gave, by record id (lower case). */
  changed: Map<string, Record<string, unknown>>;
  /** Ids of records deleted (lower case). */
  removed: Set<string>;
}

export interface Store {
  portal: Portal;
  /** Set on a fresh install; the seeded demo portal leaves it unset. */
  fresh?: FreshPortal;
  users: Map<string, User>;
  groups: Map<string, Group>;
  folders: Map<number, Folder>;
  files: Map<number, StoredFile>;
  /** `@my` root folder id per user; created on first use for users other than the seeded admin. */
  myFolders: Map<string, number>;
  commonFolderId: number;
  sessions: Map<string, Session>;
  nextEntryId: number;
  /** Changes to the collections of modules served from data, by `<module>/<collection>`. */
  generic: Map<string, CollectionChanges>;
  /** Settings served from data the run wrote, by `<module>/<read path>`: as a fresh portal had them, and now. */
  settings: Map<string, { initial: unknown; value: unknown; renumbered?: string }>;
}
