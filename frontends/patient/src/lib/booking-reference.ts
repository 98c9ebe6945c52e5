/** The reference a patient quotes to the clinic: the start of the appointment's id, which is random. */
export function bookingReference(appointmentId: string): string {
  return appointmentId.replace(/-/g, "").slice(0, 8).toUpperCase();
}
