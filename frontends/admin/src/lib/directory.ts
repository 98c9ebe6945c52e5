import { unwrap } from "@illajwala/api-client";
import { queryOptions } from "@tanstack/react-query";
import { api } from "./api";
import { queryKeys } from "./query-keys";

/** The clinics of the organisation whose address the app is open at. */
export const clinicsQuery = queryOptions({
  queryKey: queryKeys.clinics,
  queryFn: () => unwrap(api.GET("/api/clinics")),
  staleTime: 60_000,
});

/** The organisation's verified doctors (the ones patients can find and book). */
export const doctorsQuery = queryOptions({
  queryKey: queryKeys.doctors,
  queryFn: async () => (await unwrap(api.GET("/api/doctors", { params: { query: { sort: "name", size: 50 } } }))).items,
  staleTime: 60_000,
});

/** Everyone who works for the organisation: doctors, staff and admins. */
export const membersQuery = queryOptions({
  queryKey: queryKeys.members,
  queryFn: () => unwrap(api.GET("/api/staff")),
});
