import { Alert, Button, Select } from "@illajwala/ui";
import type { ReactNode } from "react";
import { Link, NavLink, useLocation, useNavigate } from "react-router-dom";
import { session } from "../lib/api";
import { useLanguage } from "../lib/i18n/context";
import type { Language } from "../lib/i18n/messages";
import { useSession } from "../lib/session";
import { useSwitchLanguage } from "./language-sync";

const navLink = ({ isActive }: { isActive: boolean }) =>
  "rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-teal-700 " +
  (isActive ? "bg-teal-50 text-teal-900" : "text-slate-700 hover:text-slate-900");

/** Header with navigation, sign-in and language; the main landmark; the notice of an ended session. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t, language } = useLanguage();
  const state = useSession();
  const switchLanguage = useSwitchLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const signedIn = state.status === "signed-in";
  const signOut = async () => {
    await session.signOut();
    void navigate("/");
  };
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        {t("nav.skip")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-2 px-4 py-3">
          <Link
            to="/"
            className="mr-4 text-xl font-bold text-teal-800 focus-visible:outline-2 focus-visible:outline-teal-700"
          >
            Illajwala
          </Link>
          <nav
            aria-label={t("nav.label")}
            className="order-last flex w-full flex-wrap items-center gap-1 sm:order-none sm:w-auto sm:flex-1"
          >
            <NavLink to="/" end className={navLink}>
              {t("nav.search")}
            </NavLink>
            {signedIn && (
              <>
                <NavLink to="/appointments" className={navLink}>
                  {t("nav.appointments")}
                </NavLink>
                <NavLink to="/profile" className={navLink}>
                  {t("nav.profile")}
                </NavLink>
              </>
            )}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <Select<Language>
              label={t("nav.language")}
              value={language}
              onValueChange={switchLanguage}
              options={[
                { value: "en", label: "English" },
                { value: "hi", label: "हिन्दी" },
              ]}
            />
            {signedIn ? (
              <Button variant="secondary" size="sm" onClick={() => void signOut()}>
                {t("nav.signOut")}
              </Button>
            ) : (
              state.status !== "restoring" && (
                <Button asChild size="sm">
                  <Link to="/sign-in" state={{ from: location }}>
                    {t("nav.signIn")}
                  </Link>
                </Button>
              )
            )}
          </div>
        </div>
      </header>
      {state.status === "signed-out" && state.ended && location.pathname !== "/sign-in" && (
        <div className="mx-auto w-full max-w-5xl px-4 pt-4">
          <Alert tone="warning" title={t("session.endedTitle")}>
            {t("session.endedBody")}{" "}
            <Link to="/sign-in" state={{ from: location }} className="font-medium underline">
              {t("nav.signIn")}
            </Link>
          </Alert>
        </div>
      )}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 focus:outline-none">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white py-4 text-center text-sm text-slate-600">
        {t("footer.note")}
      </footer>
    </div>
  );
}
