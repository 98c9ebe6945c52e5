import type { AccountView, Api, Role, Session } from "@illajwala/api-client";
import { QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { StrictMode, useEffect, useRef, useState, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, NavLink, useLocation } from "react-router-dom";
import { Button } from "../components/Button";
import { Alert, Spinner } from "../components/Feedback";
import { ToastProvider } from "../components/Toast";
import { createQueryClient } from "../query-client";
import { useSessionState } from "../use-session";
import { StaffSignIn } from "./StaffSignIn";

export interface NavItem {
  to: string;
  label: string;
  /** Shown only to the users it says (everyone the app admits when absent). */
  visible?: (user: AccountView) => boolean;
}

export interface StaffAppProps {
  title: string;
  /** Where the app is served, e.g. /doctor. */
  basename: string;
  api: Api;
  session: Session;
  /** Who may use the app; anyone else is told so and may sign out. */
  roles: Role[];
  nav: NavItem[];
  /** The pages, for a signed-in user the app admits. */
  children: (user: AccountView) => ReactNode;
}

const navLink = ({ isActive }: { isActive: boolean }) =>
  "rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-teal-700 " +
  (isActive ? "bg-teal-50 text-teal-900" : "text-slate-700 hover:text-slate-900");

/** Renders a staff app (doctor, admin) into index.html's #root with the providers every app shares. */
export function mountStaffApp(props: StaffAppProps): void {
  const root = document.getElementById("root");
  if (root === null) {
    throw new Error("index.html has no #root");
  }
  createRoot(root).render(
    <StrictMode>
      <StaffApp {...props} />
    </StrictMode>,
  );
}

/**
 * The frame of the doctor and admin apps: the session restored from the refresh cookie, sign-in at
 * the organisation's address, a header with navigation and sign-out, and nothing of one user left
 * in memory when another signs in.
 */
export function StaffApp(props: StaffAppProps) {
  const [queries] = useState(createQueryClient);
  useEffect(() => {
    void props.session.restore();
  }, [props.session]);
  return (
    <QueryClientProvider client={queries}>
      <BrowserRouter basename={props.basename}>
        <ToastProvider closeLabel="Close" label="Notifications">
          <Frame {...props} />
        </ToastProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}

function Frame({ title, api, session, roles, nav, children }: StaffAppProps) {
  const state = useSessionState(session);
  const location = useLocation();
  const queries = useQueryClient();
  const lastUser = useRef<string | null>(null);
  const user = state.status === "signed-in" ? state.user : null;
  useEffect(() => {
    if (state.status === "restoring") {
      return;
    }
    if (lastUser.current !== null && lastUser.current !== (user?.id ?? null)) {
      queries.clear();
    }
    lastUser.current = user?.id ?? null;
  }, [state.status, user, queries]);
  useEffect(() => {
    document.title = title;
  }, [title]);
  const admitted = user !== null && roles.includes(user.role);
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-2 px-4 py-3">
          <span className="mr-4 text-xl font-bold text-teal-800">{title}</span>
          {admitted && (
            <nav aria-label="Main" className="order-last flex w-full flex-wrap gap-1 sm:order-none sm:w-auto sm:flex-1">
              {nav
                .filter((item) => item.visible === undefined || item.visible(user))
                .map((item) => (
                  // the address's choices (a doctor, a date range) stay as the user moves between pages
                  <NavLink
                    key={item.to}
                    to={{ pathname: item.to, search: location.search }}
                    end={item.to === "/"}
                    className={navLink}
                  >
                    {item.label}
                  </NavLink>
                ))}
            </nav>
          )}
          {user !== null && (
            <div className="ml-auto flex items-center gap-2 text-sm text-slate-700">
              <span data-testid="signed-in-as">
                {user.name} · {user.tenantId}
              </span>
              <Button variant="secondary" size="sm" onClick={() => void session.signOut()}>
                Sign out
              </Button>
            </div>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none">
        {state.status === "restoring" && <Spinner label="Loading…" />}
        {state.status === "signed-out" && (
          <StaffSignIn api={api} session={session} title={`Sign in to ${title}`} ended={state.ended} />
        )}
        {user !== null && !admitted && (
          <Alert tone="warning" title="This app is not for your account">
            {title} is for {roles.join(", ")} accounts; you are signed in as {user.role}.
          </Alert>
        )}
        {user !== null && admitted && children(user)}
      </main>
    </div>
  );
}
