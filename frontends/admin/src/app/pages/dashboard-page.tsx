import { unwrap, type AccountView } from "@illajwala/api-client";
import { Alert, describeError, Skeleton } from "@illajwala/ui";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";
import { analyticsQuery, type AnalyticsFilters } from "../../features/analytics/api/analytics";
import { Dashboard } from "../../features/analytics/components/dashboard";
import { Filters } from "../../features/analytics/components/filters";
import { api } from "../../lib/api";
import { dayFromToday } from "../../lib/dates";
import { clinicsQuery, doctorsQuery } from "../../lib/directory";
import { queryKeys } from "../../lib/query-keys";
import { isPlatformAdmin } from "../../lib/users";

const FILTER_NAMES = ["from", "to", "clinicId", "doctorId", "tenantId"] as const;

/**
 * The analytics dashboard. Filters live in the address (a link shares the view); a clinic or doctor
 * in the address that is not the reader's organisation's is refused here, before anything is read.
 */
export function DashboardPage({ user }: { user: AccountView }) {
  const platform = isPlatformAdmin(user);
  const [params, setParams] = useSearchParams();
  const filters: AnalyticsFilters = {
    from: params.get("from") ?? dayFromToday(-29),
    to: params.get("to") ?? dayFromToday(14),
    clinicId: params.get("clinicId") ?? undefined,
    doctorId: params.get("doctorId") ?? undefined,
    tenantId: platform ? (params.get("tenantId") ?? undefined) : undefined,
  };
  const clinics = useQuery({ ...clinicsQuery, enabled: !platform });
  const doctors = useQuery({ ...doctorsQuery, enabled: !platform });
  const tenants = useQuery({
    queryKey: queryKeys.tenants,
    queryFn: () => unwrap(api.GET("/api/tenants")),
    enabled: platform,
  });
  const directoryReady = platform ? tenants.isSuccess : clinics.isSuccess && doctors.isSuccess;
  const unknownClinic =
    !platform &&
    clinics.data !== undefined &&
    filters.clinicId !== undefined &&
    !clinics.data.some((c) => c.id === filters.clinicId);
  const unknownDoctor =
    !platform &&
    doctors.data !== undefined &&
    filters.doctorId !== undefined &&
    !doctors.data.some((d) => d.doctorId === filters.doctorId);
  const scopeRefused = platform
    ? filters.clinicId !== undefined || filters.doctorId !== undefined
    : unknownClinic || unknownDoctor;
  const reversed = filters.to < filters.from;
  const report = useQuery({ ...analyticsQuery(filters), enabled: directoryReady && !scopeRefused && !reversed });
  const apply = (next: AnalyticsFilters) => {
    const changed = new URLSearchParams();
    for (const name of FILTER_NAMES) {
      const value = next[name];
      if (value !== undefined && value !== "") {
        changed.set(name, value);
      }
    }
    setParams(changed);
  };
  const directoryError = clinics.error ?? doctors.error ?? tenants.error;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{platform ? "Platform analytics" : "Analytics"}</h1>
      {directoryError !== null && <Alert tone="error">{describeError(directoryError)}</Alert>}
      {directoryReady && (
        <Filters
          key={params.toString()}
          filters={filters}
          clinics={platform ? undefined : clinics.data}
          doctors={platform ? undefined : doctors.data}
          tenants={platform ? tenants.data : undefined}
          onChange={apply}
        />
      )}
      {scopeRefused && (
        <Alert tone="error" title="Not your organisation's">
          <span data-testid="scope-refused">
            {platform
              ? "Choose an organisation to see its figures."
              : "That clinic or doctor is not part of your organisation, so there is nothing to show."}
          </span>
        </Alert>
      )}
      {report.isError && <Alert tone="error">{describeError(report.error)}</Alert>}
      {!scopeRefused && !reversed && report.isPending && <Skeleton className="h-64" />}
      {!scopeRefused && report.data !== undefined && <Dashboard report={report.data} />}
    </div>
  );
}
