import { Alert, Button, describeError, formatLocalDate, Skeleton } from "@illajwala/ui";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";
import { scheduleQuery } from "../../features/board/api/board";
import { DayBoard } from "../../features/board/components/day-board";
import { LiveStatus } from "../../features/board/components/live-status";
import { useLiveBoard } from "../../features/board/hooks/use-live-board";
import { addDays } from "../../lib/dates";
import type { ScopedDoctor } from "../doctor-scope";

/** The doctor's day, live: today unless `?date=` names another day. */
export function BoardPage({ doctor }: { doctor: ScopedDoctor }) {
  const [params, setParams] = useSearchParams();
  const date = params.get("date");
  const status = useLiveBoard(doctor.doctorId);
  const board = useQuery(scheduleQuery(doctor.doctorId, date));
  const go = (next: string | null) => {
    const changed = new URLSearchParams(params);
    if (next === null) {
      changed.delete("date");
    } else {
      changed.set("date", next);
    }
    setParams(changed);
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">
          {date === null ? "Today" : board.data === undefined ? date : formatLocalDate(board.data.date, "en")} ·{" "}
          {doctor.name}
        </h1>
        <LiveStatus status={status} />
      </div>
      {board.data !== undefined && (
        <nav aria-label="Days" className="flex flex-wrap gap-2">
          <Button variant="secondary" size="sm" onClick={() => go(addDays(board.data.date, -1))}>
            Previous day
          </Button>
          <Button variant="secondary" size="sm" onClick={() => go(null)} disabled={date === null}>
            Today
          </Button>
          <Button variant="secondary" size="sm" onClick={() => go(addDays(board.data.date, 1))}>
            Next day
          </Button>
          <span className="self-center text-sm text-slate-600">Times in {board.data.timezone}</span>
        </nav>
      )}
      {board.isPending && <Skeleton className="h-40" />}
      {board.isError && <Alert tone="error">{describeError(board.error)}</Alert>}
      {board.data !== undefined && <DayBoard board={board.data} today={date === null} />}
    </div>
  );
}
