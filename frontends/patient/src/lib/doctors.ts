import { unwrap } from "@illajwala/api-client";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "./api";
import { queryKeys } from "./query-keys";

/** A doctor's public profile with their next open slots. */
export function doctorQuery(doctorId: string) {
  return queryOptions({
    queryKey: queryKeys.doctor(doctorId),
    queryFn: () => unwrap(api.GET("/api/doctors/{doctorId}", { params: { path: { doctorId } } })),
    staleTime: 60_000,
  });
}

export function useDoctor(doctorId: string | undefined) {
  return useQuery({ ...doctorQuery(doctorId ?? ""), enabled: doctorId !== undefined });
}

/** The doctor's open and taken slots over the next 14 days (the platform's default range). */
export function doctorSlotsQuery(doctorId: string) {
  return queryOptions({
    queryKey: queryKeys.doctorSlots(doctorId),
    queryFn: () => unwrap(api.GET("/api/doctors/{doctorId}/slots", { params: { path: { doctorId } } })),
    staleTime: 15_000,
  });
}

export function useDoctorSlots(doctorId: string | undefined) {
  return useQuery({ ...doctorSlotsQuery(doctorId ?? ""), enabled: doctorId !== undefined });
}
