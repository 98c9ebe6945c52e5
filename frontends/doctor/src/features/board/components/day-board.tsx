import type { ScheduleBoard } from "@illajwala/api-client";
import { Alert, Card, describeError, formatLocalDate, formatTime, useNow, useToast } from "@illajwala/ui";
import { useBoardStep, type BoardStep } from "../api/board";
import { useAnnouncedDelay } from "../hooks/use-announced-delay";
import { BoardEntryRow } from "./board-entry";
import { RunningLateCard } from "./running-late-card";
import { RunningLateForm } from "./running-late-form";

const DONE: Record<BoardStep, string> = {
  "check-in": "Checked in",
  start: "Consultation started",
  complete: "Completed",
  "no-show": "Marked as a no-show",
};

/** The day's queue with its steps, the free times and how late the day is running. */
export function DayBoard({ board, today }: { board: ScheduleBoard; today: boolean }) {
  const now = useNow(30_000);
  const toast = useToast();
  const step = useBoardStep(board.doctorId);
  const active = board.queue.filter((entry) => entry.status !== "cancelled");
  const cancelled = board.queue.filter((entry) => entry.status === "cancelled");
  const seen = board.queue.filter((entry) => entry.status === "completed").length;
  const waiting = board.queue.filter((entry) => entry.status === "confirmed" || entry.status === "checked_in").length;
  const [announced, rememberAnnounced] = useAnnouncedDelay(board.doctorId, board.date);
  return (
    <div className="space-y-4">
      {/* side by side even on a phone, so the queue starts on the first screen */}
      <div className="grid grid-cols-3 gap-2 sm:gap-3">
        <Card>
          <div className="text-sm text-slate-600">Patients</div>
          <div className="text-2xl font-semibold" data-testid="board-count">
            {active.length}
          </div>
        </Card>
        <Card>
          <div className="text-sm text-slate-600">Seen</div>
          <div className="text-2xl font-semibold">{seen}</div>
        </Card>
        <RunningLateCard estimate={board.runningLateMinutes} announced={announced} />
      </div>
      {today && (
        <RunningLateForm
          doctorId={board.doctorId}
          date={board.date}
          waiting={waiting}
          onAnnounced={rememberAnnounced}
        />
      )}
      {step.isError && <Alert tone="error">{describeError(step.error)}</Alert>}
      <section aria-labelledby="queue-heading" className="space-y-2">
        <h2 id="queue-heading" className="text-lg font-semibold">
          Queue for {formatLocalDate(board.date, "en")}
        </h2>
        {active.length === 0 ? (
          <p className="text-slate-700">No appointments on this day yet.</p>
        ) : (
          <ol className="space-y-2" aria-label="Appointments">
            {active.map((entry) => (
              <BoardEntryRow
                key={entry.appointmentId}
                entry={entry}
                timezone={board.timezone}
                now={now}
                busy={step.isPending}
                onStep={(next) =>
                  step.mutate(
                    { appointmentId: entry.appointmentId, step: next },
                    { onSuccess: () => toast({ title: DONE[next], tone: "success" }) },
                  )
                }
              />
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="gaps-heading" className="space-y-2">
        <h2 id="gaps-heading" className="text-lg font-semibold">
          Free times
        </h2>
        {board.gaps.length === 0 ? (
          <p className="text-slate-700">No free times left.</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {board.gaps.map((gap) => (
              <li key={gap.start} className="rounded-md bg-slate-100 px-3 py-1 text-sm text-slate-800">
                {formatTime(gap.start, board.timezone, "en")}–{formatTime(gap.end, board.timezone, "en")}
              </li>
            ))}
          </ul>
        )}
      </section>
      {cancelled.length > 0 && (
        <details className="text-sm text-slate-700">
          <summary className="cursor-pointer">{cancelled.length} cancelled</summary>
          <ul className="mt-2 space-y-1">
            {cancelled.map((entry) => (
              <li key={entry.appointmentId} data-testid="cancelled-entry" data-appointment-id={entry.appointmentId}>
                {formatTime(entry.start, board.timezone, "en")}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
