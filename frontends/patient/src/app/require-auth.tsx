import { Spinner } from "@illajwala/ui";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { useT } from "../lib/i18n/context";
import { useSession } from "../lib/session";

/** Pages of a signed-in patient: others are sent to sign in, and brought back afterwards. */
export function RequireAuth({ children, reason }: { children: ReactNode; reason?: "book" }) {
  const state = useSession();
  const location = useLocation();
  const t = useT();
  if (state.status === "restoring") {
    return <Spinner label={t("common.loading")} />;
  }
  if (state.status === "signed-out") {
    return <Navigate to="/sign-in" replace state={{ from: location, reason }} />;
  }
  return <>{children}</>;
}
