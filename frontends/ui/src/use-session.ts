import type { Session, SessionState } from "@illajwala/api-client";
import { useSyncExternalStore } from "react";

/** The tab's sign-in, re-rendering when it changes. */
export function useSessionState(session: Session): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}
