import type { SlotView } from "@illajwala/api-client";
import { Alert, Button, formatDateTime, formatLocalDate, formatTime } from "@illajwala/ui";
import type { ReactNode } from "react";
import { useLanguage } from "../../../lib/i18n/context";

const MOST_ALTERNATIVES = 6;

/**
 * Someone else took the time the patient chose (they booked it, or hold it while checking out).
 * Says so plainly, offers the nearest open times (that day first, then the following days), and
 * the waitlist for that day, which the caller supplies.
 */
export function SlotTakenNotice({
  taken,
  slots,
  onPick,
  waitlist,
}: {
  taken: SlotView;
  slots: SlotView[];
  onPick: (slot: SlotView) => void;
  waitlist: ReactNode;
}) {
  const { t, language } = useLanguage();
  const open = slots.filter((slot) => slot.status === "open" && slot.slotId !== taken.slotId);
  const sameDay = open.filter((slot) => slot.localDate === taken.localDate);
  const later = open.filter((slot) => slot.localDate > taken.localDate);
  const alternatives = [...sameDay, ...later].slice(0, MOST_ALTERNATIVES);
  return (
    <section
      aria-labelledby="taken-heading"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4"
      data-testid="slot-taken"
    >
      <Alert
        tone="warning"
        title={
          <h2 id="taken-heading" className="text-base">
            {t("booking.takenTitle")}
          </h2>
        }
      >
        {t("booking.takenBody", { when: formatDateTime(taken.start, taken.timezone, language) })}
      </Alert>
      {alternatives.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">
            {sameDay.length > 0 ? t("booking.alternativesSameDay") : t("booking.alternativesLater")}
          </h3>
          <ul className="mt-2 flex flex-wrap gap-2">
            {alternatives.map((slot) => (
              <li key={slot.slotId}>
                <Button variant="secondary" size="sm" onClick={() => onPick(slot)} data-slot-id={slot.slotId}>
                  {slot.localDate === taken.localDate
                    ? formatTime(slot.start, slot.timezone, language)
                    : formatLocalDate(slot.localDate, language, "short") +
                      ", " +
                      formatTime(slot.start, slot.timezone, language)}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-slate-800">{t("booking.noAlternatives")}</p>
      )}
      <div className="border-t border-amber-200 pt-3">{waitlist}</div>
    </section>
  );
}
