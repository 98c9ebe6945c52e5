import type { BoardEntry } from "@illajwala/api-client";
import { Badge, Button, formatTime, patientReference } from "@illajwala/ui";
import { APPOINTMENT_STATUS } from "../../../lib/appointment-status";
import type { BoardStep } from "../api/board";

/** The steps each status allows (the platform refuses the others with 409 wrong_status). */
function stepsOf(entry: BoardEntry, now: number): { step: BoardStep; label: string }[] {
  switch (entry.status) {
    case "confirmed":
      return [
        { step: "check-in", label: "Check in" },
        ...(new Date(entry.start).getTime() <= now ? [{ step: "no-show" as const, label: "No show" }] : []),
      ];
    case "checked_in":
      return [
        { step: "start", label: "Start consultation" },
        { step: "complete", label: "Complete" },
      ];
    case "in_consultation":
      return [{ step: "complete", label: "Complete" }];
    default:
      return [];
  }
}

/** One appointment of the day: when, who, where it stands, and the next steps. */
export function BoardEntryRow({
  entry,
  timezone,
  now,
  busy,
  onStep,
}: {
  entry: BoardEntry;
  timezone: string;
  now: number;
  busy: boolean;
  onStep: (step: BoardStep) => void;
}) {
  const status = APPOINTMENT_STATUS[entry.status];
  const expected = entry.expectedStart !== null && entry.expectedStart !== entry.start ? entry.expectedStart : null;
  return (
    <li
      data-testid="board-entry"
      data-appointment-id={entry.appointmentId}
      data-status={entry.status}
      className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      <div className="w-28 shrink-0">
        <div className="text-lg font-semibold text-slate-900">{formatTime(entry.start, timezone, "en")}</div>
        {expected !== null && (
          <div className="text-sm text-amber-800">expected {formatTime(expected, timezone, "en")}</div>
        )}
      </div>
      <div className="min-w-40 flex-1">
        <div className="font-medium text-slate-900">{patientReference(entry)}</div>
        <div className="text-sm text-slate-600">until {formatTime(entry.end, timezone, "en")}</div>
      </div>
      <Badge tone={status.tone}>
        <span data-testid="entry-status">{status.label}</span>
      </Badge>
      <div className="flex flex-wrap gap-2">
        {stepsOf(entry, now).map(({ step, label }) => (
          <Button
            key={step}
            size="sm"
            variant={step === "no-show" ? "secondary" : "primary"}
            disabled={busy}
            onClick={() => onStep(step)}
            aria-label={`${label}: ${patientReference(entry)} at ${formatTime(entry.start, timezone, "en")}`}
          >
            {label}
          </Button>
        ))}
      </div>
    </li>
  );
}
