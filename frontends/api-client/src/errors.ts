import type { components } from "./generated/schema";

export type FieldProblem = components["schemas"]["FieldProblem"];

/** A failed request: the HTTP status and the platform's stable error code, message and field problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: FieldProblem[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The problem the platform found with one request field, if it named that field. */
  fieldProblem(field: string): string | undefined {
    return this.details?.find((problem) => problem.field === field)?.message;
  }
}

/** Whether a value is the error envelope `{success: false, error: {code, message}}`. */
export function isErrorEnvelope(value: unknown): value is components["schemas"]["ErrorResponse"] {
  if (typeof value !== "object" || value === null || !("error" in value)) {
    return false;
  }
  const { error } = value;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}

/** The ApiError a response stands for, from its envelope when it has one. */
export function toApiError(response: Response, body: unknown): ApiError {
  const retryAfter = Number(response.headers.get("Retry-After"));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  if (isErrorEnvelope(body)) {
    return new ApiError(response.status, body.error.code, body.error.message, body.error.details, retryAfterSeconds);
  }
  return new ApiError(
    response.status,
    `http_${String(response.status)}`,
    response.statusText || "The request failed",
    undefined,
    retryAfterSeconds,
  );
}
