import { Session, createApi } from "@illajwala/api-client";

/** The platform serves the app on the organisation's host, so the API is on the page's own origin. */
const origin = window.location.origin;

/** The tab's session (access token in memory) and the typed API client that uses it. */
export const session = new Session({ baseUrl: origin });
export const api = createApi(session, origin);
