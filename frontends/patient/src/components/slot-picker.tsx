import type { SlotView } from "@illajwala/api-client";
import { browserTimeZone, cn, formatDateTime, formatLocalDate, formatTime, timeZoneName } from "@illajwala/ui";
import { useMemo, useState } from "react";
import { useLanguage } from "../lib/i18n/context";

export interface SlotPickerProps {
  slots: SlotView[];
  /** The clinic's time zone: every time is shown in it. */
  timeZone: string;
  selectedSlotId: string | null;
  onSelect: (slot: SlotView) => void;
  /** The reader's time zone; the browser's unless a test says otherwise. */
  viewerTimeZone?: string;
  /** Names the picker for screen readers, e.g. the doctor's name. */
  label: string;
  /** Slots that may not be chosen although open (the appointment's own slot when rescheduling). */
  excludeSlotIds?: string[];
}

/**
 * A doctor's slots by day and time, always in the clinic's time zone (where the patient has to be),
 * saying so, and saying when the reader's own zone differs, with the chosen time in theirs too.
 * Taken and held slots are shown but cannot be chosen.
 */
export function SlotPicker({
  slots,
  timeZone,
  selectedSlotId,
  onSelect,
  viewerTimeZone,
  label,
  excludeSlotIds = [],
}: SlotPickerProps) {
  const { language, t } = useLanguage();
  const viewerZone = viewerTimeZone ?? browserTimeZone();
  const days = useMemo(() => {
    const byDay = new Map<string, SlotView[]>();
    for (const slot of slots) {
      const day = byDay.get(slot.localDate) ?? [];
      day.push(slot);
      byDay.set(slot.localDate, day);
    }
    return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [slots]);
  const selected = slots.find((slot) => slot.slotId === selectedSlotId) ?? null;
  const firstOpenDay = days.find(([, daySlots]) => daySlots.some((slot) => bookable(slot, excludeSlotIds)))?.[0];
  const [chosenDay, setDay] = useState<string | undefined>(undefined);
  // the day the reader chose, while it still has slots; else the chosen slot's, else the first with a free time
  const day = days.some(([date]) => date === chosenDay)
    ? chosenDay
    : (selected?.localDate ?? firstOpenDay ?? days[0]?.[0]);
  const daySlots = days.find(([date]) => date === day)?.[1] ?? [];
  const zonesDiffer = offsetAt(timeZone, selected?.start) !== offsetAt(viewerZone, selected?.start);

  if (days.length === 0) {
    return <p className="text-slate-700">{t("slots.none")}</p>;
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700" data-testid="slot-timezone">
        {t("slots.clinicTime", { zone: timeZoneName(timeZone, language), id: timeZone })}
        {zonesDiffer && (
          <>
            {" "}
            <strong className="font-semibold text-amber-900">
              {t("slots.viewerZoneDiffers", { zone: timeZoneName(viewerZone, language), id: viewerZone })}
            </strong>
          </>
        )}
      </p>
      <div
        role="group"
        aria-label={t("slots.days", { name: label })}
        className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1"
      >
        {days.map(([date, dateSlots]) => {
          const open = dateSlots.filter((slot) => bookable(slot, excludeSlotIds)).length;
          return (
            <button
              key={date}
              type="button"
              aria-pressed={date === day}
              onClick={() => setDay(date)}
              className={cn(
                "flex min-h-14 min-w-20 shrink-0 flex-col items-center justify-center rounded-md border px-3 text-sm",
                "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700",
                date === day ? "border-teal-700 bg-teal-700 text-white" : "border-slate-300 bg-white text-slate-900",
              )}
            >
              <span className="font-semibold">{formatLocalDate(date, language, "short")}</span>
              <span className={date === day ? "text-teal-50" : "text-slate-600"}>
                {t("slots.openCount", { count: open })}
              </span>
            </button>
          );
        })}
      </div>
      {day !== undefined && (
        <div
          role="group"
          aria-label={t("slots.times", { day: formatLocalDate(day, language) })}
          className="grid grid-cols-3 gap-2 sm:grid-cols-5"
        >
          {daySlots.map((slot) => {
            const available = bookable(slot, excludeSlotIds);
            const time = formatTime(slot.start, timeZone, language);
            return (
              <button
                key={slot.slotId}
                type="button"
                disabled={!available}
                aria-pressed={slot.slotId === selectedSlotId}
                aria-label={available ? time : t("slots.taken", { time })}
                data-slot-id={slot.slotId}
                onClick={() => onSelect(slot)}
                className={cn(
                  "min-h-11 rounded-md border text-sm font-medium",
                  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700",
                  slot.slotId === selectedSlotId
                    ? "border-teal-700 bg-teal-700 text-white"
                    : available
                      ? "border-slate-300 bg-white text-slate-900 hover:border-teal-700"
                      : "cursor-not-allowed border-slate-200 bg-slate-100 text-slate-500 line-through",
                )}
              >
                {time}
              </button>
            );
          })}
        </div>
      )}
      {selected !== null && (
        <p className="text-sm text-slate-800" aria-live="polite" data-testid="slot-selected">
          {t("slots.selected", { when: formatDateTime(selected.start, timeZone, language) })}
          {zonesDiffer &&
            " " + t("slots.selectedForViewer", { when: formatDateTime(selected.start, viewerZone, language) })}
        </p>
      )}
    </div>
  );
}

function bookable(slot: SlotView, excluded: string[]): boolean {
  return slot.status === "open" && !excluded.includes(slot.slotId);
}

/** The zone's UTC offset at an instant (now when none): zones with the same offset show the same times. */
function offsetAt(timeZone: string, instant: string | undefined): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(
    instant === undefined ? new Date() : new Date(instant),
  );
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}
