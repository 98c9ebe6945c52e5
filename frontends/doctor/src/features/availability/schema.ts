import type { AvailabilityRequest, AvailabilitySession, ConsultationMode } from "@illajwala/api-client";
import { z } from "zod";

export const DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;
export type Day = (typeof DAYS)[number];
export const MODES = ["clinic", "telehealth", "home_visit"] as const satisfies readonly ConsultationMode[];

const time = z.string().regex(/^\d{2}:\d{2}$/, "Enter a time");
const minutes = (min: number, max: number) =>
  z
    .number("Enter a number")
    .int("Whole numbers")
    .min(min, `At least ${String(min)}`)
    .max(max, `At most ${String(max)}`);

const session = z
  .object({
    start: time,
    end: time,
    slotMinutes: minutes(5, 240),
    bufferMinutes: minutes(0, 120),
    capacity: minutes(1, 100),
    modes: z.array(z.enum(MODES)).min(1, "Choose at least one way to see patients"),
    breaks: z.array(
      z.object({ start: time, end: time }).refine((pause) => pause.start < pause.end, {
        message: "A break ends after it starts",
        path: ["end"],
      }),
    ),
  })
  .refine((value) => value.start < value.end, { message: "Ends after it starts, the same day", path: ["end"] })
  .refine((value) => value.breaks.every((pause) => pause.start >= value.start && pause.end <= value.end), {
    message: "Breaks lie inside the session",
    path: ["breaks"],
  });

/** The editor's form: the platform's request, with days and dates as lists a form can grow and shrink. */
export const availabilitySchema = z.object({
  minimumNoticeMinutes: minutes(0, 43_200),
  maximumAdvanceDays: minutes(1, 180),
  weekly: z.array(z.object({ day: z.enum(DAYS), sessions: z.array(session).max(6, "At most 6 sessions a day") })),
  leaveDays: z.array(z.object({ date: z.iso.date("Enter a date") })),
  extraSessions: z.array(z.object({ date: z.iso.date("Enter a date"), session })),
});

export type AvailabilityForm = z.infer<typeof availabilitySchema>;
export type SessionForm = AvailabilityForm["extraSessions"][number]["session"];

export function newSession(): SessionForm {
  return {
    start: "09:00",
    end: "13:00",
    slotMinutes: 30,
    bufferMinutes: 0,
    capacity: 1,
    modes: ["clinic"],
    breaks: [],
  };
}

/** LocalTime may come back as 09:00:00; the form's time inputs take 09:00. */
const hhmm = (value: string) => value.slice(0, 5);

function toForm(session: AvailabilitySession): SessionForm {
  return {
    start: hhmm(session.start),
    end: hhmm(session.end),
    slotMinutes: session.slotMinutes ?? 30,
    bufferMinutes: session.bufferMinutes ?? 0,
    capacity: session.capacity ?? 1,
    modes: session.modes,
    breaks: (session.breaks ?? []).map((pause) => ({ start: hhmm(pause.start), end: hhmm(pause.end) })),
  };
}

/** The form for rules already set, or an empty week. */
export function formOf(rules: AvailabilityRequest | null): AvailabilityForm {
  const weekly: Partial<Record<Day, AvailabilitySession[]>> = rules?.weekly ?? {};
  return {
    minimumNoticeMinutes: rules?.minimumNoticeMinutes ?? 60,
    maximumAdvanceDays: rules?.maximumAdvanceDays ?? 28,
    weekly: DAYS.map((day) => ({ day, sessions: (weekly[day] ?? []).map(toForm) })),
    leaveDays: (rules?.leaveDays ?? []).map((date) => ({ date })),
    extraSessions: (rules?.extraSessions ?? []).map((extra) => ({ date: extra.date, session: toForm(extra.session) })),
  };
}

/** The request the platform takes. */
export function requestOf(clinicId: string, form: AvailabilityForm): AvailabilityRequest {
  return {
    clinicId,
    minimumNoticeMinutes: form.minimumNoticeMinutes,
    maximumAdvanceDays: form.maximumAdvanceDays,
    weekly: Object.fromEntries(
      form.weekly.filter((day) => day.sessions.length > 0).map((day) => [day.day, day.sessions]),
    ),
    leaveDays: form.leaveDays.map((leave) => leave.date),
    extraSessions: form.extraSessions,
  };
}
