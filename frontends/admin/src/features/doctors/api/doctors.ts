import { unwrap, type OnboardDoctorRequest } from "@illajwala/api-client";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { queryKeys } from "../../../lib/query-keys";

export function useOnboardDoctor() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (doctor: OnboardDoctorRequest) => unwrap(api.POST("/api/doctors", { body: doctor })),
    onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.members }),
  });
}

/** Doctors onboarded by any organisation and not yet verified or rejected (platform admins). */
export const verificationQueueQuery = queryOptions({
  queryKey: queryKeys.verificationQueue,
  queryFn: () => unwrap(api.GET("/api/doctors/verification-queue")),
});

export function useDecideVerification() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({
      doctorId,
      decision,
      note,
    }: {
      doctorId: string;
      decision: "verified" | "rejected";
      note?: string;
    }) =>
      unwrap(
        api.POST("/api/doctors/{doctorId}/verification", { params: { path: { doctorId } }, body: { decision, note } }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["doctors"] }),
  });
}
