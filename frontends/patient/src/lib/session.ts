import type { SessionState } from "@illajwala/api-client";
import { useSessionState } from "@illajwala/ui";
import { session } from "./api";

/** The tab's sign-in, re-rendering when it changes. */
export function useSession(): SessionState {
  return useSessionState(session);
}
