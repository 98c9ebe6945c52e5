import { unwrapWrite, type BookAppointmentRequest, type Booking } from "@illajwala/api-client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { rememberWrite } from "../../../lib/consistency";
import { queryKeys } from "../../../lib/query-keys";

/** Books the held seat; the appointments list will wait for the booking to be readable. */
export async function bookAppointment(request: BookAppointmentRequest): Promise<Booking> {
  const { data, consistencyToken } = await unwrapWrite(api.POST("/api/appointments", { body: request }));
  rememberWrite(consistencyToken);
  return data;
}

export function useBookAppointment() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: bookAppointment,
    onSuccess: async (booking) => {
      await Promise.all([
        queries.invalidateQueries({ queryKey: queryKeys.appointments }),
        queries.invalidateQueries({ queryKey: queryKeys.doctorSlots(booking.doctorId) }),
      ]);
    },
  });
}
