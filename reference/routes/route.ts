import type { Params } from "../http/params";
import type { Upload } from "../http/uploads";
import type { User } from "../store/model";
import type { JsonValue } from "../wire/json-value";
import type { Outcome } from "../wire/status";
import type { WrapContext } from "../wrappers/context";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface HandlerRequest extends WrapContext {
  params: Params;
  now: Date;
  /** Host as the client addressed it (for `portal`). */
  host: string;
  /** The files the body carried (reference/http/uploads.ts); none for a JSON or form body. */
  uploads?: readonly Upload[];
}

export interface AuthenticatedRequest extends HandlerRequest {
  user: User;
}

export interface HandlerResult {
  outcome: Outcome;
  /** Undefined for a void result (`response: {}`). */
  response?: JsonValue;
  /** Overrides the envelope count (objects with their own Count, e.g. folder contents). */
  count?: number;
  headers?: Record<string, string>;
  /**
   * The answer is a record a write of the run made or changed: the server sends what it was written
   * with, so the sparse variant leaves it whole (reference/wire/sparse.ts).
   */
  asWritten?: true;
}

export type Route = (
  | { method: HttpMethod; path: string; anonymous: true; handle: (request: HandlerRequest) => HandlerResult }
  | {
      method: HttpMethod;
      path: string;
      anonymous: false;
      handle: (request: AuthenticatedRequest) => HandlerResult;
    }
) & {
  /** What a placeholder's value must match (lower-case name), as the server's route constraints: `{id:[0-9]+}`. */
  constraints?: Record<string, RegExp>;
};

/** A route any caller may use; it ignores whatever Authorization the request carries. */
export function anonymous(
  method: HttpMethod,
  path: string,
  handle: (r: HandlerRequest) => HandlerResult,
): Route {
  return { method, path, anonymous: true, handle };
}

export function authenticated(
  method: HttpMethod,
  path: string,
  handle: (r: AuthenticatedRequest) => HandlerResult,
): Route {
  return { method, path, anonymous: false, handle };
}
