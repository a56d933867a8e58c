import type { Catalogue } from "./catalogue";

/** `EmployeeWraperFull` -> `employee-wraper-full`, `CRMSettings` -> `crm-settings`, `BaseSettings`1` -> `base-settings`. */
export function kebab(name: string): string {
  return name
    .replace(/`\d+$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .replace(/[_\s.]+/g, "-")
    .toLowerCase();
}

/**
 * Json.NET 13's `StringUtils.ToCamelCase`, which names dictionary keys (enum keys are member names):
 * the leading capitals are lowered up to the last one before a lower-case letter, and a non-capital
 * stops it (`IsLDAP` -> `isLDAP`, `AES_128` -> `aeS_128`, `CRM` -> `crm`). See wrappers.md, tricky case 3.
 */
export function jsonNetCamelCase(name: string): string {
  const isUpper = (c: string | undefined) =>
    c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
  if (!isUpper(name[0])) return name;
  const chars = [...name];
  for (let i = 0; i < chars.length; i++) {
    if (i === 1 && !isUpper(chars[i])) break;
    const hasNext = i + 1 < chars.length;
    if (i > 0 && hasNext && !isUpper(chars[i + 1])) {
      if (chars[i + 1] === " ") chars[i] = chars[i].toLowerCase();
      break;
    }
    chars[i] = chars[i].toLowerCase();
  }
  return chars.join("");
}

/**
 * The schemas/ directory of a namespace: the operations.tsv module a namespace belongs to, or
 * `common` for types several modules share. The longest matching prefix (namespace or full type name)
 * wins; a namespace that matches none stops the generator, so a new server version gets a decision.
 */
const DIRECTORIES: Record<string, string> = {
  "ASC.ActiveDirectory": "settings",
  "ASC.Api.Blogs": "community",
  "ASC.Api.Bookmarks": "community",
  "ASC.Api.CRM": "crm",
  "ASC.Api.Calendar": "calendar",
  "ASC.Api.Documents": "files",
  "ASC.Api.Employee": "people",
  "ASC.Api.Employee.GroupWrapperFull": "group",
  "ASC.Api.Employee.GroupWrapperSummary": "group",
  "ASC.Api.Events": "community",
  "ASC.Api.Forums": "community",
  "ASC.Api.Migration": "migration",
  "ASC.Api.Projects": "project",
  "ASC.Api.Security": "security",
  "ASC.Api.Settings": "settings",
  "ASC.Api.Wiki": "community",
  "ASC.AuditTrail": "security",
  "ASC.CRM": "crm",
  "ASC.Common.Radicale": "calendar",
  "ASC.Core.Billing": "portal",
  "ASC.Core.Common.Contracts": "portal",
  "ASC.Core.Common.Notify": "settings",
  "ASC.Core.Common.Settings": "settings",
  "ASC.Core.Tenants": "portal",
  "ASC.Core.Users": "people",
  "ASC.Data.Reassigns": "people",
  "ASC.Data.Storage": "settings",
  "ASC.Files": "files",
  "ASC.Forum": "community",
  "ASC.IPSecurity": "settings",
  "ASC.Mail": "mail",
  "ASC.MessagingSystem": "security",
  "ASC.Migration": "migration",
  "ASC.Projects": "project",
  "ASC.Specific.AuthorizationApi": "authentication",
  "ASC.Specific.CapabilitiesApi": "capabilities",
  "ASC.VoipService": "crm",
  "ASC.Web.CRM": "crm",
  "ASC.Web.Community": "community",
  "ASC.Web.Core.Calendars": "calendar",
  "ASC.Web.Core.Files": "files",
  "ASC.Web.Core.Utility": "settings",
  "ASC.Web.Files": "files",
  "ASC.Web.Projects": "project",
  "ASC.Web.Studio.Core": "settings",
  "ASC.Web.Studio.Core.Backup": "portal",
  "ASC.Web.Studio.UserControls.Common.Comments": "common",
  "ASC.Web.Studio.UserControls.Management": "settings",
};

export function directoryOf(key: string): string {
  const name = key.replace(/\+.*$/, "");
  let best: string | undefined;
  for (const prefix of Object.keys(DIRECTORIES)) {
    if ((name === prefix || name.startsWith(`${prefix}.`)) && prefix.length > (best?.length ?? 0))
      best = prefix;
  }
  if (!best)
    throw new Error(`no schemas/ directory for ${key}: add its namespace to DIRECTORIES in naming.ts`);
  return DIRECTORIES[best];
}

/**
 * The file of every class and enum, relative to schemas/: `<dir>/<kebab>.json` and
 * `<dir>/enums/<kebab>.json`. Namesakes that land in one file are told apart by the namespace segments
 * where their full names differ (`people/contact.json` could otherwise be two types).
 */
export function placeTypes(catalogue: Catalogue): Map<string, string> {
  const wanted = new Map<string, string>();
  for (const [key, entry] of Object.entries(catalogue.classes)) {
    wanted.set(key, `${directoryOf(key)}/${kebab(entry.name)}.json`);
  }
  for (const [key, entry] of Object.entries(catalogue.enums)) {
    wanted.set(key, `${directoryOf(key)}/enums/${kebab(entry.name)}.json`);
  }
  const byPath = new Map<string, string[]>();
  for (const [key, path] of wanted) byPath.set(path, [...(byPath.get(path) ?? []), key]);
  const placed = new Map<string, string>();
  for (const [path, keys] of byPath) {
    if (keys.length === 1) {
      placed.set(keys[0], path);
      continue;
    }
    for (const key of keys)
      placed.set(key, path.replace(/\.json$/, `--${kebab(distinctPart(key, keys))}.json`));
  }
  return placed;
}

/** The namespace segments of `key` that its namesakes do not share, e.g. `Mail.Core` of `ASC.Mail.Core.X`. */
function distinctPart(key: string, namesakes: string[]): string {
  const segments = key.split(/[.+]/).slice(0, -1);
  const others = namesakes.filter((k) => k !== key).map((k) => k.split(/[.+]/).slice(0, -1));
  let common = 0;
  while (common < segments.length && others.every((o) => o[common] === segments[common])) common++;
  return segments.slice(common).join("-") || key;
}
