import { ApiError } from "@illajwala/api-client";
import type { UseFormSetError, FieldValues, Path } from "react-hook-form";
import type { Translate } from "./i18n/context";
import { isMessageKey } from "./i18n/messages";

/** What to tell the reader about a failed request: our words for the codes we know, the platform's otherwise. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const key = "error." + error.code;
    if (isMessageKey(key)) {
      return t(key, { seconds: error.retryAfterSeconds ?? 60 });
    }
    return error.message;
  }
  if (error instanceof TypeError) {
    return t("error.network");
  }
  return t("error.unexpected");
}

/**
 * Puts the platform's field problems (400 validation_failed) on the form's own fields; true when it
 * placed at least one, so the caller need not repeat them in a general message.
 */
export function placeFieldProblems<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): boolean {
  if (!(error instanceof ApiError) || error.details === undefined) {
    return false;
  }
  let placed = false;
  for (const problem of error.details) {
    const field = fields.find((candidate) => candidate === problem.field);
    if (field !== undefined) {
      setError(field, { type: "server", message: problem.message });
      placed = true;
    }
  }
  return placed;
}
