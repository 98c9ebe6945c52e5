import { Alert, Card, Tabs } from "@illajwala/ui";
import { Link, useLocation, useNavigate, type Location } from "react-router-dom";
import { PasswordSignInForm } from "../../features/auth/components/password-sign-in-form";
import { PhoneSignInForm } from "../../features/auth/components/phone-sign-in-form";
import { session } from "../../lib/api";
import { useT } from "../../lib/i18n/context";
import { useSession } from "../../lib/session";
import { usePageTitle } from "../use-page-title";

interface SignInState {
  from?: Pick<Location, "pathname" | "search">;
  reason?: "book";
}

/** Sign in with a password or a code sent by SMS; then back to where the patient was going. */
export default function SignInPage() {
  const t = useT();
  usePageTitle(t("auth.signInTitle"));
  const navigate = useNavigate();
  const location = useLocation();
  const session_ = useSession();
  const state = location.state as SignInState | null;
  const from = state?.from;
  const reason = state?.reason;
  const done = () => {
    session.acknowledgeEnded();
    void navigate(from === undefined ? "/appointments" : from.pathname + from.search, { replace: true });
  };
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold text-slate-900">{t("auth.signInTitle")}</h1>
      {session_.status === "signed-out" && session_.ended && (
        <Alert tone="warning" title={t("session.endedTitle")}>
          {t("session.endedBody")}
        </Alert>
      )}
      {reason === "book" && <Alert tone="info">{t("auth.signInToBook")}</Alert>}
      <Card>
        <Tabs
          label={t("auth.signInTitle")}
          tabs={[
            { value: "password", title: t("auth.passwordTab"), content: <PasswordSignInForm onSignedIn={done} /> },
            { value: "phone", title: t("auth.phoneTab"), content: <PhoneSignInForm onSignedIn={done} /> },
          ]}
        />
      </Card>
      <p className="text-sm text-slate-700">
        {t("auth.noAccount")}{" "}
        <Link to="/register" state={state} className="font-medium text-teal-800 underline">
          {t("auth.registerLink")}
        </Link>
      </p>
    </div>
  );
}
