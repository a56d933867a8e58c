import type { Params } from "../http/params";
import { type AuthenticatedRequest, authenticated, type HandlerResult, type Route } from "../routes/route";
import type { Store } from "../store/model";
import type { JsonObject, JsonValue } from "../wire/json-value";
import type { GenericSetting, ModuleData, SettingItems, SettingWrite } from "./module-data";

/**
 * The module's settings (`settings:` of its data): each read answers the value its writes last set.
 * Faults: update-ignored keeps nothing; restore-ignored keeps the first value written over the
 * portal's and ignores every later write, so a setting cannot be set back (reference/faults/writes.ts).
 */
export function genericSettings(data: ModuleData): Route[] {
  return (data.settings ?? []).flatMap((setting) => {
    const key = `${data.module}/${setting.read ?? setting.writes[0].path}`;
    const current = (store: Store) => (store.settings.get(key)?.value ?? setting.value) as JsonValue;
    const read = (path: string) =>
      // Sent as held (HandlerResult.asWritten): the sparse variant's nulls would be a value the portal
      // does not have, and a run sends back what it read.
      authenticated(
        "GET",
        path,
        (request): HandlerResult => ({
          outcome: "read",
          response: current(request.store),
          asWritten: true,
        }),
      );
    const writes = setting.writes.map((write) =>
      authenticated(write.method, write.path, (request) => {
        const { faults, store } = request;
        const kept = store.settings.get(key);
        const sent = write.items && sentItems(write.items, setting.value, request.params);
        const before = current(store);
        const value = sent
          ? listed(write.items as SettingItems, setting.value, sent, before)
          : written(setting, write, write.replaces ? setting.value : before, request);
        if (write.toggles) put(value as JsonObject, write.toggles, !at(before, write.toggles));
        const ignored = faults.has("update-ignored") || (faults.has("restore-ignored") && kept !== undefined);
        const renumbered = write.items?.numbered;
        if (!ignored) store.settings.set(key, { initial: kept?.initial ?? setting.value, value, renumbered });
        const answer = write.answer ?? "setting";
        if (typeof answer === "object") return { outcome: "updated", response: at(value, answer.member) };
        const answers = { setting: value, sent, nothing: undefined, true: true };
        return { outcome: "updated", response: answers[answer] };
      }),
    );
    return [...(setting.read ? [read(setting.read)] : []), ...writes];
  });
}

/** The items the request sent (`ips[0][ip]`, ...), each member typed as the fresh list's first item has it. */
function sentItems(items: SettingItems, fresh: JsonValue, params: Params): JsonObject[] {
  const model = ((fresh as JsonObject[])[0] ?? {}) as JsonObject;
  const sent: JsonObject[] = [];
  for (let index = 0; ; index++) {
    const item: JsonObject = {};
    for (const [name, param] of Object.entries(items.from)) {
      const value = member(model[name], `${items.param}[${index}][${param}]`, params);
      if (value !== undefined) item[name] = value;
    }
    if (!Object.keys(item).length) return sent;
    sent.push(item);
  }
}

/** The list after the write: the sent items (numbered afresh), or the catalogue with what was sent for each. */
function listed(items: SettingItems, fresh: JsonValue, sent: JsonObject[], before: JsonValue): JsonValue {
  const catalogue = items.catalogue;
  if (catalogue)
    return (fresh as JsonObject[]).map((entry) => {
      const given = sent.find((item) => item[catalogue.key] === entry[catalogue.key]);
      return { ...entry, ...(given ?? catalogue.absent) };
    });
  const numbered = items.numbered;
  if (!numbered) return sent;
  const last = Math.max(0, ...(before as JsonObject[]).map((item) => Number(item[numbered]) || 0));
  const model = ((fresh as JsonObject[])[0] ?? {}) as JsonObject;
  return sent.map((item, index) => ({ ...model, ...item, [numbered]: last + index + 1 }));
}

/** The value after the write: `before` with each member the request sent, typed as the fresh value has it. */
function written(
  setting: GenericSetting,
  write: SettingWrite,
  before: JsonValue,
  request: AuthenticatedRequest,
): JsonValue {
  const value = structuredClone(before) as JsonObject;
  for (const [path, param] of Object.entries(write.from ?? {})) {
    const sent = member(at(setting.value, path), param, request.params);
    if (sent !== undefined) put(value, path, sent);
  }
  return value;
}

/** A parameter as the type its member has on a fresh portal; undefined when the request has none. */
function member(fresh: JsonValue | undefined, param: string, params: Params): JsonValue | undefined {
  // A list (`allowedAdmins[]` where the fresh value is null): none sent is null, as the binder leaves it.
  if (Array.isArray(fresh) || param.endsWith("[]")) {
    const items = params.list(param);
    return items?.length ? items : Array.isArray(fresh) ? [] : null;
  }
  const text = params.text(param);
  if (text === undefined) return undefined;
  if (typeof fresh === "number") return Number(text);
  if (typeof fresh === "boolean") return text.toLowerCase() === "true";
  return text;
}

const at = (value: JsonValue, path: string) =>
  path.split(".").reduce<JsonValue | undefined>((node, name) => (node as JsonObject | null)?.[name], value);

function put(value: JsonObject, path: string, sent: JsonValue): void {
  const names = path.split(".");
  let node = value;
  for (const name of names.slice(0, -1)) {
    if (node[name] === null || typeof node[name] !== "object") node[name] = {};
    node = node[name] as JsonObject;
  }
  node[names[names.length - 1]] = sent;
}

/** The settings a run left other than a fresh portal has them (RunningReference.dataChanges). */
export function describeSettings(store: Store): string[] {
  // Rows the server inserts again get new ids, and are the same setting (an IP restriction's id).
  const same = (a: unknown, b: unknown, renumbered?: string) => {
    const text = (v: unknown) =>
      JSON.stringify(v, (name, member) => (name === renumbered ? undefined : member));
    return text(a) === text(b);
  };
  return [...store.settings]
    .filter(([, { initial, value, renumbered }]) => !same(initial, value, renumbered))
    .map(
      ([key, { initial, value }]) =>
        `setting ${key}: ${JSON.stringify(value)}, was ${JSON.stringify(initial)}`,
    );
}
