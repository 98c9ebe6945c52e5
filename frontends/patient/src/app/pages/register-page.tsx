import { Card } from "@illajwala/ui";
import { Link, useLocation, useNavigate, type Location } from "react-router-dom";
import { RegisterForm } from "../../features/auth/components/register-form";
import { useT } from "../../lib/i18n/context";
import { usePageTitle } from "../use-page-title";

/** A new patient account, signed in at once. */
export default function RegisterPage() {
  const t = useT();
  usePageTitle(t("auth.registerTitle"));
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as { from?: Pick<Location, "pathname" | "search"> } | null;
  const from = state?.from;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold text-slate-900">{t("auth.registerTitle")}</h1>
      <Card>
        <RegisterForm
          onRegistered={() => void navigate(from === undefined ? "/" : from.pathname + from.search, { replace: true })}
        />
      </Card>
      <p className="text-sm text-slate-700">
        {t("auth.haveAccount")}{" "}
        <Link to="/sign-in" state={state} className="font-medium text-teal-800 underline">
          {t("auth.signInLink")}
        </Link>
      </p>
    </div>
  );
}
