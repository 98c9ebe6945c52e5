import { CONSISTENCY_HEADER, unwrap, unwrapWrite, type CancellationReason } from "@illajwala/api-client";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { rememberWrite, takeWrite } from "../../../lib/consistency";
import { queryKeys } from "../../../lib/query-keys";
import { useSession } from "../../../lib/session";

/** The patient's appointments (and their dependents'), soonest first; after a write, including it. */
export const appointmentsQuery = queryOptions({
  queryKey: queryKeys.appointments,
  queryFn: () => {
    const token = takeWrite();
    return unwrap(
      api.GET("/api/appointments", { params: { header: token === null ? {} : { [CONSISTENCY_HEADER]: token } } }),
    );
  },
});

export function useAppointments() {
  const signedIn = useSession().status === "signed-in";
  return useQuery({ ...appointmentsQuery, enabled: signedIn });
}

export async function cancelAppointment({
  appointmentId,
  reason,
}: {
  appointmentId: string;
  reason: CancellationReason;
}): Promise<void> {
  const { consistencyToken } = await unwrapWrite(
    api.POST("/api/appointments/{appointmentId}/cancel", { params: { path: { appointmentId } }, body: { reason } }),
  );
  rememberWrite(consistencyToken);
}

export async function rescheduleAppointment({
  appointmentId,
  slotId,
}: {
  appointmentId: string;
  slotId: string;
}): Promise<void> {
  const { consistencyToken } = await unwrapWrite(
    api.POST("/api/appointments/{appointmentId}/reschedule", { params: { path: { appointmentId } }, body: { slotId } }),
  );
  rememberWrite(consistencyToken);
}

function useAppointmentStep<T>(step: (input: T) => Promise<void>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: step,
    onSuccess: async () => {
      await Promise.all([
        queries.invalidateQueries({ queryKey: queryKeys.appointments }),
        queries.invalidateQueries({ queryKey: ["doctors"] }),
      ]);
    },
  });
}

export const useCancelAppointment = () => useAppointmentStep(cancelAppointment);
export const useRescheduleAppointment = () => useAppointmentStep(rescheduleAppointment);
