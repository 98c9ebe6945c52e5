import type { ScheduleBoard } from "@illajwala/api-client";
import { Alert, Badge, Card, describeError, formatLocalDate, formatTime, Skeleton } from "@illajwala/ui";
import type { UseQueryResult } from "@tanstack/react-query";
import { APPOINTMENT_STATUS } from "../../../lib/appointment-status";

/** Seven days side by side: how full each is, and each appointment's time and status. */
export function WeekView({ days }: { days: { date: string; board: UseQueryResult<ScheduleBoard> }[] }) {
  return (
    <ol className="grid gap-3 md:grid-cols-7" aria-label="The week">
      {days.map(({ date, board }) => (
        <li key={date} data-testid="week-day" data-date={date}>
          <Card className="h-full p-3">
            <h2 className="text-sm font-semibold text-slate-900">{formatLocalDate(date, "en", "short")}</h2>
            {board.isPending && <Skeleton className="mt-2 h-16" />}
            {board.isError && <Alert tone="error">{describeError(board.error)}</Alert>}
            {board.data !== undefined && <Day board={board.data} />}
          </Card>
        </li>
      ))}
    </ol>
  );
}

function Day({ board }: { board: ScheduleBoard }) {
  const booked = board.queue.filter((entry) => entry.status !== "cancelled");
  return (
    <div className="mt-2 space-y-2 text-sm">
      <p className="text-slate-700">
        <span data-testid="week-day-count">{booked.length}</span> booked · {board.gaps.length} free stretch
        {board.gaps.length === 1 ? "" : "es"}
      </p>
      <ul className="space-y-1">
        {booked.map((entry) => (
          <li key={entry.appointmentId} className="flex flex-wrap items-center justify-between gap-1">
            <span>{formatTime(entry.start, board.timezone, "en")}</span>
            <Badge tone={APPOINTMENT_STATUS[entry.status].tone}>
              <span data-testid="week-entry-status">{APPOINTMENT_STATUS[entry.status].label}</span>
            </Badge>
          </li>
        ))}
      </ul>
    </div>
  );
}
