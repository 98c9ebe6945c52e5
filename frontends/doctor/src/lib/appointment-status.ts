import type { AppointmentStatus } from "@illajwala/api-client";

/** An appointment's status in the front desk's words, the same on the board and in the week. */
export const APPOINTMENT_STATUS: Record<
  AppointmentStatus,
  { label: string; tone: "neutral" | "good" | "warn" | "bad" | "info" }
> = {
  pending: { label: "Awaiting payment", tone: "warn" },
  confirmed: { label: "Booked", tone: "info" },
  checked_in: { label: "Checked in", tone: "good" },
  in_consultation: { label: "In consultation", tone: "good" },
  completed: { label: "Completed", tone: "neutral" },
  cancelled: { label: "Cancelled", tone: "bad" },
  no_show: { label: "No show", tone: "bad" },
};
