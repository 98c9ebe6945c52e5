import { unwrap, type operations } from "@illajwala/api-client";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { queryKeys } from "../../../lib/query-keys";

export type SearchQuery = NonNullable<operations["doctorQueryDoctors"]["parameters"]["query"]>;

/** The search page's filters as they stand in its URL (all text). */
export const FILTERS = [
  "q",
  "specialty",
  "city",
  "clinicId",
  "language",
  "mode",
  "minFee",
  "maxFee",
  "date",
  "sort",
  "page",
] as const;
export type Filter = (typeof FILTERS)[number];
export type Filters = Partial<Record<Filter, string>>;

export const PAGE_SIZE = 10;

/** The platform's query for the page's filters: numbers as numbers, blanks left out. */
export function toQuery(filters: Filters): SearchQuery {
  const query: SearchQuery = { size: PAGE_SIZE };
  for (const name of FILTERS) {
    const value = filters[name]?.trim();
    if (value === undefined || value === "") {
      continue;
    }
    if (name === "minFee" || name === "maxFee" || name === "page") {
      const number = Number(value);
      if (Number.isFinite(number)) {
        query[name] = number;
      }
    } else {
      query[name] = value;
    }
  }
  return query;
}

export function searchDoctorsQuery(filters: Filters) {
  const query = toQuery(filters);
  return queryOptions({
    queryKey: queryKeys.search(filters as Record<string, string>),
    queryFn: () => unwrap(api.GET("/api/doctors", { params: { query } })),
    staleTime: 30_000,
    // the previous page stays on screen while the next loads: no flash of nothing on a slow phone
    placeholderData: keepPreviousData,
  });
}

export function useSearchDoctors(filters: Filters) {
  return useQuery(searchDoctorsQuery(filters));
}
