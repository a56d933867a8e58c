import { badRequest } from "../http/errors";
import type { Store } from "../store/model";
import type { JsonObject } from "../wire/json-value";
import { type AuthenticatedRequest, authenticated, type Route } from "./route";

/**
 * The Documents settings each user keeps for themselves (FilesSettings.LoadForCurrentUser), with
 * FilesSettings.GetDefault's values (web/studio/ASC.Web.Studio/Products/Files/Configuration/FilesSettings.cs:91-110).
 */
interface FilesUserSettings {
  storeOriginal: boolean;
  updateIfExist: boolean;
  recentSection: boolean;
  favoritesSection: boolean;
  templatesSection: boolean;
  downloadTarGz: boolean;
  autoCleanUp: { isAutoCleanUp: boolean; gap: number };
  /** Null: none chosen (the normalized list of an empty one, FilesSettings.cs:323-327). */
  defaultAccessRights: number[] | null;
}

const SETTINGS = new WeakMap<Store, Map<string, FilesUserSettings>>();

function settingsOf(request: AuthenticatedRequest): FilesUserSettings {
  const byUser = SETTINGS.get(request.store) ?? new Map<string, FilesUserSettings>();
  SETTINGS.set(request.store, byUser);
  const settings = byUser.get(request.user.id) ?? {
    storeOriginal: true,
    updateIfExist: false,
    recentSection: true,
    favoritesSection: true,
    templatesSection: true,
    downloadTarGz: false,
    // Off (AutoCleanUpData's default). Its Gap is default(DateToAutoCleanUp), 0, on 12.x, outside
    // the enum's members (1-5) the schema allows: the reference keeps the first member instead.
    autoCleanUp: { isAutoCleanUp: false, gap: 1 },
    defaultAccessRights: null,
  };
  byUser.set(request.user.id, settings);
  return settings;
}

/** A bool parameter the server binds: absent is false, anything but true/false is 400. */
function flag(request: AuthenticatedRequest, name: string): boolean {
  return request.params.boolean(name) ?? false;
}

type BoolSetting =
  | "storeOriginal"
  | "updateIfExist"
  | "recentSection"
  | "favoritesSection"
  | "templatesSection";

/** PUT files/<path> {set}: stores it and answers the setting read back (FSS:2797-2874). */
function boolSetting(path: string, setting: BoolSetting): Route {
  return authenticated("PUT", path, (request) => {
    const value = flag(request, "set");
    if (!request.faults.has("update-ignored")) settingsOf(request)[setting] = value;
    return { outcome: "updated", response: value };
  });
}

/** FileShare members (schemas/files/enums/file-share.json). */
const FileShare = { readWrite: 1, read: 2, review: 5, comment: 6, fillForms: 7, customFilter: 8 } as const;

/** What FilesSettings keeps of the rights sent (FilesSettings.cs:327-364); null for none. */
function normalizedRights(sent: number[]): number[] | null {
  if (sent.length === 0) return null;
  const kept = [FileShare.fillForms, FileShare.customFilter, FileShare.review].filter((right) =>
    sent.includes(right),
  );
  const last = [FileShare.readWrite, FileShare.comment].find((right) => sent.includes(right));
  return [...kept, last ?? FileShare.read];
}

function archive(settings: FilesUserSettings): JsonObject {
  return settings.downloadTarGz
    ? { title: "Files will be compressed into a .tar.gz archive", archiveExtension: ".tar.gz" }
    : { title: "Files will be compressed into a .zip archive", archiveExtension: ".zip" };
}

export const filesSettingsRoutes: Route[] = [
  boolSetting("files/storeoriginal", "storeOriginal"),
  boolSetting("files/updateifexist", "updateIfExist"),
  boolSetting("files/displayRecent", "recentSection"),
  boolSetting("files/settings/favorites", "favoritesSection"),
  boolSetting("files/settings/templates", "templatesSection"),
  authenticated("GET", "files/settings/autocleanup", (request) => ({
    outcome: "read",
    response: { ...settingsOf(request).autoCleanUp },
  })),
  authenticated("PUT", "files/settings/autocleanup", (request) => {
    const settings = settingsOf(request);
    // An absent gap is default(DateToAutoCleanUp) on 12.x (see settingsOf): the first member here.
    const gap = request.params.text("gap") ?? "1";
    // DateToAutoCleanUp: OneWeek=1 ... ThreeMonths=5; another value is 400 at binding.
    if (!/^[1-5]$/.test(gap)) throw badRequest();
    const written = { isAutoCleanUp: flag(request, "set"), gap: Number(gap) };
    if (!request.faults.has("update-ignored")) settings.autoCleanUp = written;
    return { outcome: "updated", response: { ...written } };
  }),
  authenticated("PUT", "files/settings/dafaultaccessrights", (request) => {
    const values = request.params.list("value") ?? [];
    if (values.some((value) => !/^[0-8]$/.test(value))) throw badRequest();
    const rights = normalizedRights(values.map(Number));
    if (!request.faults.has("update-ignored")) settingsOf(request).defaultAccessRights = rights;
    return { outcome: "updated", response: rights ?? [FileShare.read] };
  }),
  authenticated("PUT", "files/settings/downloadtargz", (request) => {
    const settings = settingsOf(request);
    const written = { ...settings, downloadTarGz: flag(request, "set") };
    if (!request.faults.has("update-ignored")) settings.downloadTarGz = written.downloadTarGz;
    return { outcome: "updated", response: archive(written) };
  }),
];
