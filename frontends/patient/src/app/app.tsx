import { createQueryClient, ToastProvider } from "@illajwala/ui";
import { QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { BrowserRouter } from "react-router-dom";
import { session } from "../lib/api";
import { LanguageProvider, useT } from "../lib/i18n/context";
import { useSession } from "../lib/session";
import { LanguageSync } from "./language-sync";
import { AppShell } from "./layout";
import { LiveUpdatesProvider } from "./live-updates";
import { AppRoutes } from "./routes";

export function App() {
  const [queries] = useState(createQueryClient);
  useEffect(() => {
    void session.restore();
  }, []);
  return (
    <QueryClientProvider client={queries}>
      <LanguageProvider>
        <BrowserRouter>
          <Toasts>
            <PrivateDataGuard />
            <LanguageSync />
            <LiveUpdatesProvider>
              <AppShell>
                <AppRoutes />
              </AppShell>
            </LiveUpdatesProvider>
          </Toasts>
        </BrowserRouter>
      </LanguageProvider>
    </QueryClientProvider>
  );
}

function Toasts({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <ToastProvider closeLabel={t("common.close")} label={t("live.region")}>
      {children}
    </ToastProvider>
  );
}

/** Nothing of one patient stays in memory once they are signed out or someone else signs in. */
function PrivateDataGuard() {
  const state = useSession();
  const queries = useQueryClient();
  const lastUser = useRef<string | null>(null);
  useEffect(() => {
    if (state.status === "restoring") {
      return;
    }
    const user = state.status === "signed-in" ? state.user.id : null;
    if (lastUser.current !== null && lastUser.current !== user) {
      for (const key of [["appointments"], ["waitlist"], ["patients"], ["auth"]]) {
        queries.removeQueries({ queryKey: key });
      }
    }
    lastUser.current = user;
  }, [state, queries]);
  return null;
}
