import { Alert, describeError, Skeleton } from "@illajwala/ui";
import { useQueries, useQuery } from "@tanstack/react-query";
import { scheduleQuery } from "../../features/board/api/board";
import { LiveStatus } from "../../features/board/components/live-status";
import { useLiveBoard } from "../../features/board/hooks/use-live-board";
import { WeekView } from "../../features/week/components/week-view";
import { addDays } from "../../lib/dates";
import type { ScopedDoctor } from "../doctor-scope";

/** The next seven days from today in the clinic's time zone, live like the board. */
export function WeekPage({ doctor }: { doctor: ScopedDoctor }) {
  const status = useLiveBoard(doctor.doctorId);
  const today = useQuery(scheduleQuery(doctor.doctorId, null));
  const dates = today.data === undefined ? [] : Array.from({ length: 7 }, (_, day) => addDays(today.data.date, day));
  const boards = useQueries({ queries: dates.map((date) => scheduleQuery(doctor.doctorId, date)) });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">This week · {doctor.name}</h1>
        <LiveStatus status={status} />
      </div>
      {today.isPending && <Skeleton className="h-40" />}
      {today.isError && <Alert tone="error">{describeError(today.error)}</Alert>}
      {today.data !== undefined && (
        <WeekView days={dates.map((date, index) => ({ date, board: boards[index] ?? today }))} />
      )}
    </div>
  );
}
