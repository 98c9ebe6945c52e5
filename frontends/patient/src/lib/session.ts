import type { SessionState } from "@illajwala/api-client";
import { useSyncExternalStore } from "react";
import { session } from "./api";

/** The tab's sign-in, re-rendering when it changes. */
export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}
