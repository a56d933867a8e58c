import type { ServerResponse } from "node:http";
import { ApiError } from "./http/errors";

/**
 * Modules a real portal may lack: a module is the first segment under api/2.0/ (the documentation's
 * module_base: `crm` for api/2.0/crm/contact/{id}), so these switches hold for any module the
 * reference serves, without code per module.
 *
 * - removed (not installed): no route of it is registered, so the API never sees its requests and
 *   ASP.NET answers its HTML 404 page (Studio's customErrors 404 -> 404.aspx), no envelope
 *   (workspace-api-facts.md §2, "No route matched").
 * - disabled (switched off by the admin): ProductSecurityFilter sets 403 before the method runs, which
 *   becomes the error envelope with `error.message` "Forbidden", the HttpStatusCode's name
 *   (workspace-api-facts.md §2, "Pre-call filters").
 */
export interface ModuleSwitches {
  removed: ReadonlySet<string>;
  disabled: ReadonlySet<string>;
}

export const MODULE_SWITCHES = {
  "--without-module": "the module is not installed: its routes answer ASP.NET's HTML 404 page, no envelope",
  "--disable-module": 'the module is switched off: 403 with the error envelope, error.message "Forbidden"',
} as const;

/** The module of an API path's segments: `["crm", "contact", "1"]` -> `crm`. */
export function moduleOfSegments(segments: readonly string[]): string {
  return (segments[0] ?? "").toLowerCase();
}

/** Checks the names against the modules the routes serve; an unknown one throws, listing the known. */
export function parseModuleSwitches(
  routePaths: readonly string[],
  removed: readonly string[] = [],
  disabled: readonly string[] = [],
): ModuleSwitches {
  const known = [...new Set(routePaths.map((path) => moduleOfSegments(path.split("/"))))].sort();
  const unknown = [...removed, ...disabled].filter((name) => !known.includes(name.toLowerCase()));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown module ${unknown.map((n) => `"${n}"`).join(", ")}; modules the reference serves: ${known.join(", ")}`,
    );
  }
  const lower = (names: readonly string[]) => new Set(names.map((name) => name.toLowerCase()));
  return { removed: lower(removed), disabled: lower(disabled) };
}

/** A removed module's routes: what ASP.NET answers when no route matches (an HTML page, status 404). */
export function sendMissingModulePage(response: ServerResponse, pathname: string): void {
  const body = [
    "<!DOCTYPE html>",
    '<html xmlns="http://www.w3.org/1999/xhtml">',
    "<head><title>ONLYOFFICE - Page not found</title></head>",
    "<body>",
    '  <div class="error-page"><h1>404</h1>',
    "  <p>The page you requested could not be found.</p>",
    `  <p>Requested URL: ${pathname.replace(/[<>&"]/g, "")}</p></div>`,
    "</body>",
    "</html>",
  ].join("\n");
  response.writeHead(404, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
  });
  response.end(body);
}

/** A disabled module: the pre-call filter's 403, after authentication, before the method. */
export function disabledModule(): ApiError {
  return new ApiError(403, "Forbidden");
}
