import { unwrap } from "@illajwala/api-client";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "./api";
import { queryKeys } from "./query-keys";
import { useSession } from "./session";

/** The signed-in patient's profile: dependents, notification preferences and language. */
export const profileQuery = queryOptions({
  queryKey: queryKeys.profile,
  queryFn: () => unwrap(api.GET("/api/patients/me")),
  staleTime: 60_000,
});

export function useProfile() {
  const signedIn = useSession().status === "signed-in";
  return useQuery({ ...profileQuery, enabled: signedIn });
}
