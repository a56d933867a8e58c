/**
 * Missing records (basic concepts): "if a requested record could not be found" the response is
 * `HTTP/1.1 404 Not Found` with error information in the negotiated format. Hooked in http/respond.ts
 * (files-not-found-returns-403: in routes/files.ts, where a folder is looked up, and for the files
 * module's generic folder and file reads, by their collection's forbiddenUnder).
 */
export const NOT_FOUND_FAULTS = {
  "not-found-returns-200":
    "An unknown record must answer 404; this answers 200 with an empty success envelope.",
  "not-found-returns-500": "An unknown record must answer 404; this answers 500.",
  "not-found-without-envelope":
    "An unknown record must answer 404 with the error envelope; this answers a plain-text body.",
  // Workspace 12.x: FileStorageServiceController.ErrorIf raises InvalidOperationException("The
  // required folder/file was not found"), which ApiHttpHandler maps to 403 (workspace-api-facts.md §2).
  "files-not-found-returns-403":
    'An unknown folder or file must answer 404; this answers 403 "The required folder (file) was not found", as Workspace 12.x does.',
} as const;
