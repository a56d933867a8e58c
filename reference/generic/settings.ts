import type { Params } from "../http/params";
import { type AuthenticatedRequest, authenticated, type HandlerResult, type Route } from "../routes/route";
import type { Store } from "../store/model";
import type { JsonObject, JsonValue } from "../wire/json-value";
import type { GenericSetting, ModuleData, SettingWrite } from "./module-data";

/**
 * The module's settings (`settings:` of its data): each read answers the value its writes last set.
 * Faults: update-ignored keeps nothing; restore-ignored keeps the first value written over the
 * portal's and ignores every later write, so a setting cannot be set back (reference/faults/writes.ts).
 */
export function genericSettings(data: ModuleData): Route[] {
  return (data.settings ?? []).flatMap((setting) => {
    const key = `${data.module}/${setting.read}`;
    const current = (store: Store) => (store.settings.get(key)?.value ?? setting.value) as JsonValue;
    const read = authenticated("GET", setting.read, (request): HandlerResult => {
      const written = request.store.settings.has(key);
      return { outcome: "read", response: current(request.store), ...(written && { asWritten: true }) };
    });
    const writes = setting.writes.map((write) =>
      authenticated(write.method, write.path, (request) => {
        const value = written(
          setting,
          write,
          write.replaces ? setting.value : current(request.store),
          request,
        );
        const { faults, store } = request;
        const kept = store.settings.get(key);
        const ignored = faults.has("update-ignored") || (faults.has("restore-ignored") && kept !== undefined);
        if (!ignored) store.settings.set(key, { initial: kept?.initial ?? setting.value, value });
        const response = { setting: value, nothing: undefined, true: true }[write.answer ?? "setting"];
        return { outcome: "updated", response };
      }),
    );
    return [read, ...writes];
  });
}

/** The value after the write: `before` with each member the request sent, typed as the fresh value has it. */
function written(
  setting: GenericSetting,
  write: SettingWrite,
  before: JsonValue,
  request: AuthenticatedRequest,
): JsonValue {
  const value = structuredClone(before) as JsonObject;
  for (const [path, param] of Object.entries(write.from)) {
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
  return [...store.settings]
    .filter(([, { initial, value }]) => JSON.stringify(initial) !== JSON.stringify(value))
    .map(
      ([key, { initial, value }]) =>
        `setting ${key}: ${JSON.stringify(value)}, was ${JSON.stringify(initial)}`,
    );
}
