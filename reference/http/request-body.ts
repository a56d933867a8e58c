import type { IncomingMessage } from "node:http";
import type { ActiveFaults } from "../faults";
import { ApiError, badRequest } from "./errors";
import { addParam, type ParamSource } from "./params";
import { parseMultipart, rawUpload, type Upload } from "./uploads";

export function payloadTooLarge(maxBytes: number): ApiError {
  // The rest of the body is not read: close the connection rather than drain it.
  return new ApiError(413, `Request body exceeds ${maxBytes} bytes`, { Connection: "close" });
}

/**
 * Reads the body, refusing (413) as soon as it is known to exceed maxBytes. After a refusal the
 * rest is discarded unread into memory; the 413 closes the connection.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > maxBytes) return Promise.reject(payloadTooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on("data", (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBytes) {
        refused = true;
        reject(payloadTooLarge(maxBytes));
      } else {
        chunks.push(chunk);
      }
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** No API parameter nests this deep; deeper input is refused instead of recursed into. */
const MAX_JSON_DEPTH = 32;

/** Flattens JSON the way the server's argument builder does: nested members become `a[b]` keys. */
function addJson(source: ParamSource, key: string, value: unknown, depth = 0): void {
  if (value === null || value === undefined) return;
  if (depth > MAX_JSON_DEPTH) throw badRequest("The JSON body is nested too deeply");
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const itemKey = typeof item === "object" && item !== null ? `${key}[${index}]` : key;
      addJson(source, itemKey, item, depth + 1);
    }
  } else if (typeof value === "object") {
    for (const [member, inner] of Object.entries(value)) {
      addJson(source, key ? `${key}[${member}]` : member, inner, depth + 1);
    }
  } else {
    addParam(source, key, String(value));
  }
}

function parseJson(text: string): ParamSource {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badRequest((error as Error).message);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest("Unable to deserialize json: the body must be a JSON object");
  }
  const source: ParamSource = new Map();
  addJson(source, "", value);
  return source;
}

/**
 * Body parameters. JSON and form bodies are read (basic concepts: "application/json or
 * application/x-www-form-urlencoded"). Any other content type carrying a body answers 400: the
 * real server would bind nothing from it and fail on the missing arguments, and a 400 says so
 * directly. The body faults hook in here.
 */
export function parseBody(
  body: Buffer,
  contentType: string | undefined,
  faults: ActiveFaults,
  /** The body faults break resource requests only: the login stays usable, so the run gets to its checks. */
  faultsApply = true,
): ParamSource {
  if (body.length === 0) return new Map();
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  const text = body.toString("utf8");
  if (mediaType === "application/json") {
    return faultsApply && faults.has("json-body-ignored") ? new Map() : parseJson(text);
  }
  if (mediaType === "application/x-www-form-urlencoded") {
    if (faultsApply && faults.has("form-body-ignored")) return new Map();
    const source: ParamSource = new Map();
    for (const [key, value] of new URLSearchParams(text)) addParam(source, key, value);
    return source;
  }
  throw badRequest(
    `Unsupported request content type "${mediaType || "(none)"}"; send application/json or application/x-www-form-urlencoded`,
  );
}

/**
 * The body's parameters and the files it carries: multipart/form-data's text parts and files, or a
 * raw body named by a Content-Disposition (the server's single-file upload,
 * module/ASC.Api/ASC.Api/Impl/ApiArgumentBuilder.cs:87-110); any other body as parseBody reads it.
 */
export function parseRequestBody(
  body: Buffer,
  headers: { "content-type"?: string; "content-disposition"?: string },
  faults: ActiveFaults,
  faultsApply = true,
): { params: ParamSource; uploads: Upload[] } {
  const contentType = headers["content-type"];
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (body.length > 0 && mediaType === "multipart/form-data") return parseMultipart(body, contentType ?? "");
  const raw = BODY_MEDIA_TYPES.includes(mediaType)
    ? undefined
    : rawUpload(body, contentType, headers["content-disposition"]);
  if (raw) return { params: new Map(), uploads: [raw] };
  return { params: parseBody(body, contentType, faults, faultsApply), uploads: [] };
}

const BODY_MEDIA_TYPES = ["application/json", "application/x-www-form-urlencoded"];
