import { ApiError } from "@illajwala/api-client";

/** What to tell a member of staff about a failed request (the staff apps are in English). */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = (error.details ?? []).map((problem) => `${problem.field} ${problem.message}`);
    return fields.length === 0 ? error.message : `${error.message}: ${fields.join("; ")}`;
  }
  if (error instanceof TypeError) {
    return "The platform cannot be reached. Check the connection and try again.";
  }
  return "Something went wrong. Try again.";
}
