import { ApiError, unwrap, type AvailabilityRequest } from "@illajwala/api-client";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { queryKeys } from "../../../lib/query-keys";

/** The rules last set for the doctor at the clinic; null when none were set yet. */
export function availabilityQuery(doctorId: string, clinicId: string) {
  return queryOptions({
    queryKey: queryKeys.availability(doctorId, clinicId),
    queryFn: async (): Promise<AvailabilityRequest | null> => {
      try {
        return await unwrap(
          api.GET("/api/doctors/{doctorId}/availability", { params: { path: { doctorId }, query: { clinicId } } }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.code === "availability_not_found") {
          return null;
        }
        throw error;
      }
    },
  });
}

/** The slots the rules would create, without setting them. */
export function usePreviewAvailability(doctorId: string) {
  return useMutation({
    mutationFn: (rules: AvailabilityRequest) =>
      unwrap(api.POST("/api/doctors/{doctorId}/availability/preview", { params: { path: { doctorId } }, body: rules })),
  });
}

export function useSetAvailability(doctorId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (rules: AvailabilityRequest) =>
      unwrap(api.PUT("/api/doctors/{doctorId}/availability", { params: { path: { doctorId } }, body: rules })),
    onSuccess: async (_result, rules) => {
      await Promise.all([
        queries.invalidateQueries({ queryKey: queryKeys.availability(doctorId, rules.clinicId) }),
        queries.invalidateQueries({ queryKey: queryKeys.schedules(doctorId) }),
      ]);
    },
  });
}
