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

/** Takes a step of an appointment's day; answers the write's consistency token. */
async function take(step: BoardStep, appointmentId: string): Promise<string | null> {
  const params = { params: { path: { appointmentId } } };
  switch (step) {
    case "check-in":
      return (await unwrapWrite(api.POST("/api/appointments/{appointmentId}/check-in", params))).consistencyToken;
    case "start":
      return (await unwrapWrite(api.POST("/api/appointments/{appointmentId}/start", params))).consistencyToken;
    case "complete":
      return (await unwrapWrite(api.POST("/api/appointments/{appointmentId}/complete", params))).consistencyToken;
    case "no-show":
      return (await unwrapWrite(api.POST("/api/appointments/{appointmentId}/no-show", params))).consistencyToken;
  }
}

/** A step of an appointment's day; the board is read again once the platform's view has it. */
export function useBoardStep(doctorId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async ({ appointmentId, step }: { appointmentId: string; step: BoardStep }) => {
      rememberChange(await take(step, appointmentId));
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.schedules(doctorId) }),
  });
}

/** Tells every patient of the day still to be seen that the doctor is running late. */
export function useAnnounceRunningLate(doctorId: string) {
  return useMutation({
    mutationFn: ({ date, minutes }: { date: string; minutes: number }) =>
      unwrap(
        api.POST("/api/doctors/{doctorId}/running-late", { params: { path: { doctorId } }, body: { date, minutes } }),
      ),
  });
}
