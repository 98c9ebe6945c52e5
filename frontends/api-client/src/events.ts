import type { Api } from "./client";
import { unwrap } from "./client";

/**
 * The CloudEvents types a patient's stream carries (the platform's EventCatalogue, ARCHITECTURE §6).
 * EventSource delivers a named event only to a listener for that name, so the names are listed.
 */
export const PATIENT_STREAM_EVENTS = [
  "com.illajwala.appointment.booked.v1",
  "com.illajwala.appointment.payment-requested.v1",
  "com.illajwala.appointment.confirmed.v1",
  "com.illajwala.appointment.late-payment-received.v1",
  "com.illajwala.appointment.refunded.v1",
  "com.illajwala.appointment.checked-in.v1",
  "com.illajwala.appointment.consultation-started.v1",
  "com.illajwala.appointment.completed.v1",
  "com.illajwala.appointment.cancelled.v1",
  "com.illajwala.appointment.no-show.v1",
  "com.illajwala.appointment.reminder-due.v1",
  "com.illajwala.appointment.rescheduled.v1",
  "com.illajwala.waitlist.joined.v1",
  "com.illajwala.waitlist.offer-made.v1",
  "com.illajwala.waitlist.offer-declined.v1",
  "com.illajwala.waitlist.offer-lapsed.v1",
  "com.illajwala.waitlist.booked.v1",
  "com.illajwala.waitlist.expired.v1",
  "com.illajwala.waitlist.withdrawn.v1",
] as const;

export type PatientStreamEvent = (typeof PATIENT_STREAM_EVENTS)[number];

/** The types a doctor's board stream carries: what changes the day's queue (ScheduleStreamController). */
export const SCHEDULE_STREAM_EVENTS = [
  "com.illajwala.appointment.booked.v1",
  "com.illajwala.appointment.confirmed.v1",
  "com.illajwala.appointment.checked-in.v1",
  "com.illajwala.appointment.consultation-started.v1",
  "com.illajwala.appointment.completed.v1",
  "com.illajwala.appointment.cancelled.v1",
  "com.illajwala.appointment.no-show.v1",
  "com.illajwala.appointment.rescheduled.v1",
] as const;

export type ScheduleStreamEvent = (typeof SCHEDULE_STREAM_EVENTS)[number];

/**
 * The consistency token of the change an event announces (`{aggregateId}:{sequence}`): a read sent
 * with it waits until the platform's view has the change. Null when the event does not carry both.
 */
export function consistencyTokenOf(data: unknown): string | null {
  if (typeof data !== "object" || data === null || !("sequence" in data) || !("appointmentId" in data)) {
    return null;
  }
  const { appointmentId, sequence } = data;
  return typeof appointmentId === "string" && typeof sequence === "number"
    ? `${appointmentId}:${String(sequence)}`
    : null;
}

export type StreamStatus = "connecting" | "live" | "offline";

export interface StreamHandlers<T extends string> {
  types: readonly T[];
  /** A change, with the event's JSON. */
  onEvent: (type: T, data: unknown) => void;
  /** Connected (again): whatever happened while away may have been missed unless it resumed, so refetch. */
  onOpen?: () => void;
  /** The platform could not resume the stream where it left off: reload what is shown. */
  onReload?: () => void;
  onStatus?: (status: StreamStatus) => void;
}

/**
 * Follows a Server-Sent Events stream opened with a single-use ticket. A ticket cannot be used
 * twice, so the browser's own reconnection (the same URL again) cannot work: on any error the
 * stream is closed and reopened with a new ticket and `lastEventId` (EventSource cannot send the
 * Last-Event-ID header itself), backing off up to 30 s. Returns a function that stops it.
 */
export function followStream<T extends string>(
  api: Api,
  path: "/api/stream/appointments" | "/api/stream/schedule",
  handlers: StreamHandlers<T>,
  query: Record<string, string> = {},
): () => void {
  let stopped = false;
  let source: EventSource | null = null;
  let lastEventId: string | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const retry = () => {
    if (stopped) {
      return;
    }
    handlers.onStatus?.("offline");
    const delay = Math.min(30_000, 1_000 * 2 ** attempt);
    attempt += 1;
    timer = setTimeout(() => void open(), delay);
  };

  const open = async () => {
    handlers.onStatus?.("connecting");
    let ticket: string;
    try {
      ticket = (await unwrap(api.POST("/api/stream/tickets"))).ticket;
    } catch {
      retry();
      return;
    }
    if (stopped) {
      return;
    }
    const url = new URL(path, window.location.href);
    for (const [name, value] of Object.entries(query)) {
      url.searchParams.set(name, value);
    }
    url.searchParams.set("ticket", ticket);
    if (lastEventId !== null) {
      url.searchParams.set("lastEventId", lastEventId);
    }
    const current = new EventSource(url.toString());
    source = current;
    current.onopen = () => {
      attempt = 0;
      handlers.onStatus?.("live");
      handlers.onOpen?.();
    };
    for (const type of handlers.types) {
      current.addEventListener(type, (event: MessageEvent<string>) => {
        lastEventId = event.lastEventId || lastEventId;
        let data: unknown = null;
        try {
          data = JSON.parse(event.data);
        } catch {
          // a change without a readable body still means "something changed"
        }
        handlers.onEvent(type, data);
      });
    }
    current.addEventListener("reload", () => handlers.onReload?.());
    current.onerror = () => {
      current.close();
      if (source === current) {
        source = null;
        retry();
      }
    };
  };

  void open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
