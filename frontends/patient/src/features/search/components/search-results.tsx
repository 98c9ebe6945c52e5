import { Alert, Button, Skeleton } from "@illajwala/ui";
import { useClinics } from "../../../lib/clinics";
import { describeError } from "../../../lib/errors";
import { useT } from "../../../lib/i18n/context";
import { PAGE_SIZE, useSearchDoctors, type Filters } from "../api/search-doctors";
import { DoctorCard } from "./doctor-card";

/** The doctors found, a page at a time; with none, the way back to every doctor. */
export function SearchResults({
  filters,
  onPage,
  onClear,
}: {
  filters: Filters;
  onPage: (page: number) => void;
  onClear: () => void;
}) {
  const t = useT();
  const results = useSearchDoctors(filters);
  const clinics = useClinics();
  if (results.isPending) {
    return (
      <div aria-busy="true" className="space-y-3">
        <p className="sr-only" role="status">
          {t("common.loading")}
        </p>
        {[0, 1, 2].map((index) => (
          <Skeleton key={index} className="h-36" />
        ))}
      </div>
    );
  }
  if (results.isError) {
    return <Alert tone="error">{describeError(results.error, t)}</Alert>;
  }
  const { items, page, total } = results.data;
  const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);
  return (
    <section aria-labelledby="results-heading" aria-busy={results.isFetching} className="space-y-3">
      <h2 id="results-heading" className="sr-only">
        {t("search.results")}
      </h2>
      <p className="text-base font-medium text-slate-800" role="status">
        {total === 0 ? t("search.noResults") : t("search.showing", { first, last, total })}
      </p>
      {total === 0 && Object.keys(filters).length > 0 && (
        <Button variant="secondary" onClick={onClear}>
          {t("search.showAll")}
        </Button>
      )}
      <ul className="space-y-3">
        {items.map((doctor) => (
          <DoctorCard key={doctor.doctorId} doctor={doctor} clinics={clinics.data ?? []} />
        ))}
      </ul>
      {total > PAGE_SIZE && (
        <nav aria-label={t("search.pages")} className="flex justify-between">
          <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t("search.previous")}
          </Button>
          <Button variant="secondary" disabled={last >= total} onClick={() => onPage(page + 1)}>
            {t("search.next")}
          </Button>
        </nav>
      )}
    </section>
  );
}
