import { badRequest } from "./errors";
import { addParam, type ParamSource } from "./params";

/** A file a request carried: a multipart part with a filename, or the raw body a Content-Disposition names. */
export interface Upload {
  /** The part's name (`file`); empty for a raw body. */
  field: string;
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** No upload the API takes needs more parts than this; more is refused, not parsed. */
export const MAX_PARTS = 32;
/** A part's headers are a few short lines. */
const MAX_PART_HEADER_BYTES = 8 * 1024;
const CRLF = Buffer.from("\r\n");
const HEADERS_END = Buffer.from("\r\n\r\n");

/** A header's parameter (`name="file"`, `filename=a.txt`), quoted or not. */
function headerParam(header: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, "i").exec(header);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** The URL-decoded filename, as the server decodes it (ApiArgumentBuilder.cs:89-90); a malformed escape stays as sent. */
function decodedName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * multipart/form-data (RFC 7578): text parts become parameters, parts with a filename uploads. The body
 * is already bounded (readBody's limit); a missing boundary, a part without a name, too many parts or
 * a body that does not end with the closing delimiter is 400.
 */
export function parseMultipart(
  body: Buffer,
  contentType: string,
): { params: ParamSource; uploads: Upload[] } {
  const boundary = headerParam(contentType.split(/;(.*)/s)[1] ?? "", "boundary");
  if (!boundary || boundary.length > 70) throw badRequest("multipart/form-data without a usable boundary");
  const delimiter = Buffer.from(`--${boundary}`);
  const params: ParamSource = new Map();
  const uploads: Upload[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw badRequest("multipart/form-data body without its boundary");
  for (let parts = 0; ; parts++) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === "--") return { params, uploads };
    if (parts >= MAX_PARTS) throw badRequest(`more than ${MAX_PARTS} parts in a multipart/form-data body`);
    if (!body.subarray(at, at + 2).equals(CRLF)) throw badRequest("malformed multipart/form-data delimiter");
    const headersEnd = body.indexOf(HEADERS_END, at);
    if (headersEnd < 0 || headersEnd - at > MAX_PART_HEADER_BYTES)
      throw badRequest("malformed multipart/form-data part headers");
    const headers = body
      .subarray(at + 2, headersEnd)
      .toString("utf8")
      .split("\r\n");
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), headersEnd);
    if (next < 0) throw badRequest("multipart/form-data body not closed by its boundary");
    const content = body.subarray(headersEnd + HEADERS_END.length, next);
    const header = (name: string) =>
      headers.find((line) => line.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1) ?? "";
    const disposition = header("content-disposition");
    const field = headerParam(disposition, "name");
    if (!field) throw badRequest("a multipart/form-data part without a name");
    const fileName = headerParam(disposition, "filename");
    if (fileName === undefined) addParam(params, field, content.toString("utf8"));
    else
      uploads.push({
        field,
        fileName: decodedName(fileName),
        contentType: header("content-type").trim() || "application/octet-stream",
        content: Buffer.from(content),
      });
    at = next + CRLF.length;
  }
}

/** A raw body named by its Content-Disposition (the server's single-file upload): one upload, or none. */
export function rawUpload(
  body: Buffer,
  contentType: string | undefined,
  disposition: string | undefined,
): Upload | undefined {
  const fileName = disposition && headerParam(disposition.split(/;(.*)/s)[1] ?? "", "filename");
  if (!fileName) return undefined;
  return {
    field: "",
    fileName: decodedName(fileName),
    contentType: contentType || "application/octet-stream",
    content: body,
  };
}
