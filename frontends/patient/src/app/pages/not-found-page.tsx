import { Button } from "@illajwala/ui";
import { Link } from "react-router-dom";
import { useT } from "../../lib/i18n/context";
import { usePageTitle } from "../use-page-title";

/** An address the app does not have (the platform answers it with this page and a 404). */
export default function NotFoundPage() {
  const t = useT();
  usePageTitle(t("notFound.title"));
  return (
    <div className="space-y-3" data-testid="not-found">
      <h1 className="text-2xl font-bold text-slate-900">{t("notFound.title")}</h1>
      <p className="text-slate-700">{t("notFound.body")}</p>
      <Button asChild>
        <Link to="/">{t("nav.search")}</Link>
      </Button>
    </div>
  );
}
