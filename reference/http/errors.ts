/** HRESULTs the .NET exceptions behind each status carry (E_FAIL, COR_E_ARGUMENT). */
const E_FAIL = -2147467259;
const COR_E_ARGUMENT = -2147024809;

/** An error answered with the error envelope; `headers` are added to the response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly hresult: number = E_FAIL,
  ) {
    super(message);
  }
}

/** A requested record does not exist: the one error the not-found faults act on. */
export class RecordNotFoundError extends ApiError {
  constructor(message: string) {
    super(404, message);
  }
}

export function badRequest(message = "Invalid arguments"): ApiError {
  return new ApiError(400, message, {}, COR_E_ARGUMENT);
}

export function missingArgument(name: string): ApiError {
  return badRequest(`Value cannot be null. Parameter name: ${name}`);
}

export function forbidden(message = "Access denied"): ApiError {
  return new ApiError(403, message);
}
