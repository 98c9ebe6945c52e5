import { CONSISTENCY_HEADER, unwrap, unwrapWrite } from "@illajwala/api-client";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { latestChange, rememberChange } from "../../../lib/consistency";
import { queryKeys } from "../../../lib/query-keys";

/**
 * A doctor's day (today in the clinic's time zone when `date` is null): the queue, the gaps and the
 * running-late estimate. It is read again every minute, as waiting time moves the estimate on.
 */
export function scheduleQuery(doctorId: string, date: string | null) {
  return queryOptions({
    queryKey: queryKeys.schedule(doctorId, date),
    queryFn: () => {
      const token = latestChange();
      return unwrap(
        api.GET("/api/doctors/{doctorId}/schedule", {
          params: {
            path: { doctorId },
            query: date === null ? {} : { date },
            header: token === null ? {} : { [CONSISTENCY_HEADER]: token },
          },
        }),
      );
    },
    refetchInterval: 60_000,
  });
}

export type BoardStep = "check-in" | "start" | "complete" | "no-show";

/** A step of an appointment's day; the board is read again once the platform's view has it. */
export function useBoardStep(doctorId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async ({ appointmentId, step }: { appointmentId: string; step: BoardStep }) => {
      const params = { params: { path: { appointmentId } } };
      const pending =
        step === "check-in"
          ? api.POST("/api/appointments/{appointmentId}/check-in", params)
          : step === "start"
            ? api.POST("/api/appointments/{appointmentId}/start", params)
            : step === "complete"
              ? api.POST("/api/appointments/{appointmentId}/complete", params)
              : api.POST("/api/appointments/{appointmentId}/no-show", params);
      rememberChange((await unwrapWrite(pending)).consistencyToken);
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.schedules(doctorId) }),
  });
}

/** Tells every patient of the day still to be seen that the doctor is running late. */
export function useAnnounceRunningLate(doctorId: string) {
  return useMutation({
    mutationFn: ({ date, minutes }: { date: string; minutes: number }) =>
      unwrap(api.POST("/api/doctors/{doctorId}/running-late", { params: { path: { doctorId } }, body: { date, minutes } })),
  });
}
