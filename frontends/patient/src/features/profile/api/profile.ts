import { expectOk, unwrap, type Dependent, type PatientProfile, type components } from "@illajwala/api-client";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { queryKeys } from "../../../lib/query-keys";

export type ProfileUpdate = components["schemas"]["UpdateProfileRequest"];
export type NewDependent = components["schemas"]["AddDependentRequest"];

/** The account itself: name, email, phone. */
export const accountQuery = queryOptions({
  queryKey: queryKeys.account,
  queryFn: () => unwrap(api.GET("/api/auth/me")),
});

export function useAccount() {
  return useQuery(accountQuery);
}

export async function updateProfile(update: ProfileUpdate): Promise<PatientProfile> {
  return unwrap(api.PUT("/api/patients/me", { body: update }));
}

export function useUpdateProfile() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (profile) => queries.setQueryData(queryKeys.profile, profile),
  });
}

export async function addDependent(dependent: NewDependent): Promise<Dependent> {
  return unwrap(api.POST("/api/patients/me/dependents", { body: dependent }));
}

export async function removeDependent(dependentId: string): Promise<void> {
  await expectOk(api.DELETE("/api/patients/me/dependents/{dependentId}", { params: { path: { dependentId } } }));
}

export function useAddDependent() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: addDependent,
    onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.profile }),
  });
}

export function useRemoveDependent() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: removeDependent,
    onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.profile }),
  });
}
