import { useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import { FILTERS, type Filters } from "../../features/search/api/search-doctors";
import { SearchFilters } from "../../features/search/components/search-filters";
import { SearchResults } from "../../features/search/components/search-results";
import { useT } from "../../lib/i18n/context";
import { usePageTitle } from "../use-page-title";

/** Find a doctor: the filters live in the address, so a search can be shared or bookmarked. */
export default function SearchPage() {
  const t = useT();
  usePageTitle(t("search.title"));
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const current: Filters = {};
    for (const name of FILTERS) {
      const value = params.get(name);
      if (value !== null && value !== "") {
        current[name] = value;
      }
    }
    return current;
  }, [params]);
  const apply = (next: Filters) => {
    const cleaned = Object.entries(next).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "",
    );
    setParams(new URLSearchParams(cleaned));
  };
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t("search.title")}</h1>
        <p className="text-slate-700">{t("search.intro")}</p>
      </div>
      {/* a new search in the address (back, a link) starts the form afresh */}
      <SearchFilters key={params.toString()} filters={filters} onApply={apply} />
      <SearchResults
        filters={filters}
        onPage={(page) => apply({ ...filters, page: String(page) })}
        onClear={() => apply({})}
      />
    </div>
  );
}
