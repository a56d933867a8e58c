import {
  type Folder,
  FolderType,
  type FreshPortal,
  type Group,
  type Store,
  type StoredFile,
  type User,
} from "./model";

/** Stable ids: every instance is seeded with exactly these, so tests can name records directly. */
export const SEED = {
  users: {
    administrator: "6f1a9c3e-2b7d-4e58-a1c4-9d0e8f7b6a51",
    jamesCarter: "b2d4e6f8-1a3c-4e5b-8d7f-2c4e6a8b0d12",
    mariaGonzalez: "c3e5f7a9-2b4d-4f6c-9e8a-3d5f7b9c1e23",
    liWei: "d4f6a8b0-3c5e-4a7d-8f9b-4e6a8c0d2f34",
    sarahOConnor: "e5a7b9c1-4d6f-4b8e-9a0c-5f7b9d1e3a45",
  },
  groups: {
    development: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c01",
    marketing: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c02",
    management: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c03",
  },
  folders: { my: 101, common: 102, projects: 103, reports: 104, archive: 105, templates: 106 },
  files: { welcome: 201, budget: 202, teamPhoto: 203, oldBudget: 204, policy: 205, brandGuide: 206 },
} as const;

export const ADMIN_PASSWORD = "reference-admin-pass";
/** Every seeded user other than the admin signs in with this password. */
export const USER_PASSWORD = "reference-user-pass";

const FileType = { image: 4, spreadsheet: 5, presentation: 6, document: 7 } as const;

const at = (iso: string) => new Date(iso);

function seedUsers(): User[] {
  const base = {
    isVisitor: false,
    isAdmin: false,
    isOwner: false,
    password: USER_PASSWORD,
    listAdminModules: [],
  };
  return [
    {
      ...base,
      id: SEED.users.administrator,
      userName: "administrator",
      password: ADMIN_PASSWORD,
      firstName: "Alex",
      lastName: "Morgan",
      email: "admin@reference.test",
      isAdmin: true,
      isOwner: true,
      sex: "male",
      workFrom: at("2021-03-10T10:00:00Z"),
      title: "Portal Administrator",
      cultureName: "en-US",
      contacts: [],
    },
    {
      ...base,
      id: SEED.users.jamesCarter,
      userName: "james.carter",
      firstName: "James",
      lastName: "Carter",
      email: "james.carter@reference.test",
      sex: "male",
      birthday: at("1985-04-12T00:00:00Z"),
      workFrom: at("2021-04-01T00:00:00Z"),
      title: "Head of Operations",
      location: "London, UK",
      contacts: [
        { type: "phone", value: "+44 20 7946 0123" },
        { type: "skype", value: "james.carter.ops" },
      ],
    },
    {
      ...base,
      id: SEED.users.mariaGonzalez,
      userName: "maria.gonzalez",
      firstName: "María",
      lastName: "González",
      email: "maria.gonzalez@reference.test",
      sex: "female",
      birthday: at("1990-09-23T00:00:00Z"),
      workFrom: at("2021-05-17T00:00:00Z"),
      title: "Lead Developer",
      location: "Madrid, Spain",
      notes: "Owns the build pipeline & release notes.",
      cultureName: "es-ES",
      contacts: [{ type: "mail", value: "maria@example.org" }],
    },
    {
      ...base,
      id: SEED.users.liWei,
      userName: "li.wei",
      firstName: "Li",
      lastName: "Wei",
      email: "li.wei@reference.test",
      workFrom: at("2022-01-10T00:00:00Z"),
      title: "Software Engineer",
      contacts: [],
    },
    {
      ...base,
      id: SEED.users.sarahOConnor,
      userName: "sarah.oconnor",
      firstName: "Sarah",
      lastName: "O'Connor",
      email: "sarah.oconnor@reference.test",
      sex: "female",
      title: "Marketing Specialist",
      location: "Dublin, Ireland",
      contacts: [],
      listAdminModules: ["people"],
    },
  ];
}

function seedGroups(): Group[] {
  const { users, groups } = SEED;
  return [
    {
      id: groups.development,
      name: "Development",
      managerId: users.mariaGonzalez,
      memberIds: [users.mariaGonzalez, users.liWei, users.administrator],
    },
    {
      id: groups.marketing,
      name: "Marketing",
      managerId: users.sarahOConnor,
      memberIds: [users.sarahOConnor],
    },
    {
      id: groups.management,
      name: "Management",
      managerId: users.jamesCarter,
      memberIds: [users.jamesCarter, users.administrator],
    },
  ];
}

function seedFolders(): Folder[] {
  const { folders } = SEED;
  const admin = SEED.users.administrator;
  const folder = (
    id: number,
    title: string,
    parentId: number,
    rootFolderType: number,
    iso: string,
  ): Folder => ({
    id,
    title,
    parentId,
    rootFolderType,
    createdBy: admin,
    created: at(iso),
    updated: at(iso),
  });
  return [
    folder(folders.my, "My Documents", 0, FolderType.user, "2021-03-10T10:00:00Z"),
    folder(folders.common, "Common Documents", 0, FolderType.common, "2021-03-10T10:00:00Z"),
    folder(folders.projects, "Projects", folders.my, FolderType.user, "2021-03-11T09:30:00Z"),
    folder(folders.reports, "Reports", folders.my, FolderType.user, "2021-03-12T14:15:00Z"),
    folder(folders.archive, "Archive 2020", folders.projects, FolderType.user, "2021-03-15T08:00:00Z"),
    folder(folders.templates, "Templates", folders.common, FolderType.common, "2021-03-20T16:45:00Z"),
  ];
}

function seedFiles(): StoredFile[] {
  const { files, folders } = SEED;
  const file = (
    id: number,
    title: string,
    folderId: number,
    size: number,
    fileType: number,
    iso: string,
  ) => ({
    id,
    title,
    folderId,
    size,
    fileType,
    comment: "Uploaded",
    createdBy: SEED.users.administrator,
    created: at(iso),
    updated: at(iso),
  });
  return [
    file(files.welcome, "Welcome.docx", folders.my, 12_595, FileType.document, "2021-03-10T10:05:00Z"),
    file(files.budget, "Budget 2021.xlsx", folders.my, 48_220, FileType.spreadsheet, "2021-03-18T11:20:00Z"),
    file(files.teamPhoto, "Team Photo.jpg", folders.my, 734_003, FileType.image, "2021-04-02T17:40:00Z"),
    file(
      files.oldBudget,
      "Budget 2020.xlsx",
      folders.archive,
      39_118,
      FileType.spreadsheet,
      "2021-03-15T08:10:00Z",
    ),
    file(
      files.policy,
      "Company Policy.docx",
      folders.common,
      88_431,
      FileType.document,
      "2021-03-20T16:50:00Z",
    ),
    file(
      files.brandGuide,
      "Brand Guidelines.pptx",
      folders.common,
      2_310_442,
      FileType.presentation,
      "2021-03-21T10:00:00Z",
    ),
  ];
}

/**
 * A fresh store, identical for every instance: the seeded demo portal, or (`fresh`) a portal as a
 * fresh install has it. The install creates the tenant and its admin, nothing else of people
 * (CommunityServer build/sql/onlyoffice.data.sql:9-17: no group, the admin only in the admins' system
 * group, which GET group does not list); the first visit to Files creates My Documents and Common
 * Documents (web/studio/ASC.Web.Studio/Products/Files/Helpers/Global.cs:515-551), with start documents
 * only when the white-label settings enable them and the template store has some: left out here, the
 * harder case (an empty folder).
 */
export function seedStore(fresh?: FreshPortal): Store {
  const byId = <K, T extends { id: K }>(items: T[]) => new Map(items.map((item): [K, T] => [item.id, item]));
  const { users, folders } = SEED;
  const keep = <T extends { id: unknown }>(items: T[], ids: unknown[]) =>
    fresh ? items.filter((item) => ids.includes(item.id)) : items;
  return {
    portal: {
      tenantId: 1,
      tenantAlias: "reference",
      name: "Reference Portal",
      language: "en-US",
      created: at("2021-03-10T10:00:00Z"),
      ownerId: users.administrator,
    },
    ...(fresh && { fresh }),
    users: byId(keep(seedUsers(), [users.administrator])),
    groups: byId(keep(seedGroups(), [])),
    folders: byId(keep(seedFolders(), [folders.my, folders.common])),
    files: byId(keep(seedFiles(), [])),
    myFolders: new Map([[users.administrator, folders.my]]),
    commonFolderId: folders.common,
    sessions: new Map(),
    nextEntryId: 1000,
    generic: new Map(),
    settings: new Map(),
  };
}
