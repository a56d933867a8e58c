/**
 * Missing records (basic concepts): "if a requested record could not be found" the response is
 * `HTTP/1.1 404 Not Found` with error information in the negotiated format. Hooked in http/respond.ts.
 */
export const NOT_FOUND_FAULTS = {
  "not-found-returns-200":
    "An unknown record must answer 404; this answers 200 with an empty success envelope.",
  "not-found-returns-500": "An unknown record must answer 404; this answers 500.",
  "not-found-without-envelope":
    "An unknown record must answer 404 with the error envelope; this answers a plain-text body.",
} as const;
