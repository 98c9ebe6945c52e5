import { unwrap } from "@illajwala/api-client";
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { queryKeys } from "../../../lib/query-keys";

export interface AnalyticsFilters {
  from: string;
  to: string;
  clinicId?: string;
  doctorId?: string;
  tenantId?: string;
}

/** The read side's analytics for the filters (a clinic admin's own organisation; any for platform admins). */
export function analyticsQuery(filters: AnalyticsFilters) {
  const query = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== ""));
  return queryOptions({
    queryKey: queryKeys.analytics(query),
    queryFn: () =>
      unwrap(api.GET("/api/analytics", { params: { query: { ...query, from: filters.from, to: filters.to } } })),
    refetchInterval: 60_000,
  });
}
