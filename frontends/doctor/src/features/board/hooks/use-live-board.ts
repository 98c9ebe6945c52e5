import { consistencyTokenOf, followStream, SCHEDULE_STREAM_EVENTS, type StreamStatus } from "@illajwala/api-client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../../../lib/api";
import { rememberChange } from "../../../lib/consistency";
import { queryKeys } from "../../../lib/query-keys";

/**
 * Follows the doctor's board stream while the page is open: every booking, cancellation and step
 * of the day reads the doctor's boards again (waiting for the view to have that change). A dropped
 * connection is reopened by itself, resuming where it left off, and the boards are read again.
 */
export function useLiveBoard(doctorId: string): StreamStatus {
  const queries = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>("connecting");
  useEffect(() => {
    const refresh = () => void queries.invalidateQueries({ queryKey: queryKeys.schedules(doctorId) });
    return followStream(
      api,
      "/api/stream/schedule",
      {
        types: SCHEDULE_STREAM_EVENTS,
        onStatus: setStatus,
        onOpen: refresh,
        onReload: refresh,
        onEvent: (_type, data) => {
          rememberChange(consistencyTokenOf(data));
          refresh();
        },
      },
      { doctorId },
    );
  }, [doctorId, queries]);
  return status;
}
