import createClient from "openapi-fetch";
import { toApiError } from "./errors";
import type { paths } from "./generated/schema";
import type { Session } from "./session";

/** Routes whose 401 means wrong credentials or no session, never an expired access token. */
const SIGN_IN_ROUTES = /\/api\/auth\/(login|register|refresh|logout|otp\/)/;

export const CONSISTENCY_HEADER = "X-Consistency-Token";

/**
 * The typed client of the platform's API (paths and types generated from its OpenAPI document).
 * Every request carries the session's access token; a 401 refreshes the session once and repeats
 * the request, so an expired token never reaches the user.
 */
export function createApi(session: Session, baseUrl = "") {
  const authorised = async (request: Request): Promise<Response> => {
    const repeat = request.clone();
    const token = session.accessToken();
    if (token !== null) {
      request.headers.set("Authorization", "Bearer " + token);
    }
    const response = await fetch(request);
    if (response.status !== 401 || SIGN_IN_ROUTES.test(new URL(request.url, "http://x").pathname) || token === null) {
      return response;
    }
    if (!(await session.refresh())) {
      return response;
    }
    repeat.headers.set("Authorization", "Bearer " + String(session.accessToken()));
    return fetch(repeat);
  };
  return createClient<paths>({ baseUrl, fetch: authorised, credentials: "same-origin" });
}

export type Api = ReturnType<typeof createApi>;

/** What openapi-fetch answers: the success body, or the error body, and the response itself. */
interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The `data` of a successful envelope; an ApiError otherwise. */
export async function unwrap<T>(pending: Promise<Outcome<{ data: T }>>): Promise<T> {
  const { data, error, response } = await pending;
  if (data === undefined) {
    throw toApiError(response, error);
  }
  return data.data;
}

/** Like {@link unwrap}, with the write's consistency token for the reads that should see it. */
export async function unwrapWrite<T>(
  pending: Promise<Outcome<{ data: T }>>,
): Promise<{ data: T; consistencyToken: string | null }> {
  const { data, error, response } = await pending;
  if (data === undefined) {
    throw toApiError(response, error);
  }
  return { data: data.data, consistencyToken: response.headers.get(CONSISTENCY_HEADER) };
}

/** For routes that answer only a message: resolves when the request succeeded. */
export async function expectOk(pending: Promise<Outcome<unknown>>): Promise<void> {
  const { data, error, response } = await pending;
  if (data === undefined) {
    throw toApiError(response, error);
  }
}
