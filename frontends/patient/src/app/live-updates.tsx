import {
  consistencyTokenOf,
  followStream,
  PATIENT_STREAM_EVENTS,
  type PatientStreamEvent,
  type StreamStatus,
} from "@illajwala/api-client";
import { useToast } from "@illajwala/ui";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { Link } from "react-router-dom";
import { api } from "../lib/api";
import { awaitChange, isOwnWrite } from "../lib/consistency";
import { useT } from "../lib/i18n/context";
import type { MessageKey } from "../lib/i18n/messages";
import { queryKeys } from "../lib/query-keys";
import { useSession } from "../lib/session";

const LiveStatus = createContext<StreamStatus | "off">("off");

/** Whether the patient's live stream is connected, for the "live" indicator. */
export function useLiveStatus() {
  return useContext(LiveStatus);
}

/** What a change means to the patient, for the notice it gets (changes without one refresh quietly). */
const NOTICES: Partial<Record<PatientStreamEvent, MessageKey>> = {
  "com.illajwala.appointment.confirmed.v1": "live.confirmed",
  "com.illajwala.appointment.checked-in.v1": "live.checkedIn",
  "com.illajwala.appointment.consultation-started.v1": "live.consultationStarted",
  "com.illajwala.appointment.completed.v1": "live.completed",
  "com.illajwala.appointment.cancelled.v1": "live.cancelled",
  "com.illajwala.appointment.rescheduled.v1": "live.rescheduled",
  "com.illajwala.appointment.no-show.v1": "live.noShow",
  "com.illajwala.appointment.reminder-due.v1": "live.reminder",
  "com.illajwala.waitlist.offer-made.v1": "live.offer",
  "com.illajwala.waitlist.offer-lapsed.v1": "live.offerLapsed",
};

/**
 * While a patient is signed in, follows their own stream (appointments and waitlist) and refreshes
 * what the app shows as changes arrive, with a notice for the ones that matter.
 */
export function LiveUpdatesProvider({ children }: { children: ReactNode }) {
  const state = useSession();
  const queries = useQueryClient();
  const toast = useToast();
  const t = useT();
  const [status, setStatus] = useState<StreamStatus>("connecting");
  const notify = useRef({ toast, t });
  useEffect(() => {
    notify.current = { toast, t };
  });
  const user = state.status === "signed-in" && state.user.role === "patient" ? state.user.id : null;

  useEffect(() => {
    if (user === null) {
      return;
    }
    const refresh = (waitlist: boolean) => {
      void queries.invalidateQueries({ queryKey: queryKeys.appointments });
      if (waitlist) {
        void queries.invalidateQueries({ queryKey: queryKeys.waitlist });
      }
    };
    return followStream(api, "/api/stream/appointments", {
      types: PATIENT_STREAM_EVENTS,
      onStatus: setStatus,
      onOpen: () => refresh(true),
      onReload: () => refresh(true),
      onEvent: (type, data) => {
        const token = consistencyTokenOf(data);
        const own = isOwnWrite(token);
        awaitChange(token);
        refresh(
          type.startsWith("com.illajwala.waitlist") || type.endsWith("cancelled.v1") || type.endsWith("booked.v1"),
        );
        const doctorId = typeof data === "object" && data !== null && "doctorId" in data ? String(data.doctorId) : null;
        if (doctorId !== null) {
          void queries.invalidateQueries({ queryKey: queryKeys.doctorSlots(doctorId) });
        }
        const notice = NOTICES[type];
        // the patient's own cancellation or new time is already on their screen
        if (notice !== undefined && !own) {
          const { toast: show, t: translate } = notify.current;
          show({
            title: translate(notice),
            tone: type.endsWith("offer-made.v1") ? "success" : "info",
            description: (
              <Link to="/appointments" className="font-medium text-teal-900 underline">
                {translate("live.open")}
              </Link>
            ),
          });
        }
      },
    });
  }, [user, queries]);

  return <LiveStatus.Provider value={user === null ? "off" : status}>{children}</LiveStatus.Provider>;
}
