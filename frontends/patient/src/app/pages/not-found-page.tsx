import { Link } from "react-router-dom";
import { useT } from "../../lib/i18n/context";
import { usePageTitle } from "../use-page-title";

export default function NotFoundPage() {
  const t = useT();
  usePageTitle(t("notFound.title"));
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-bold text-slate-900">{t("notFound.title")}</h1>
      <p>
        <Link to="/" className="font-medium text-teal-800 underline">
          {t("nav.search")}
        </Link>
      </p>
    </div>
  );
}
