import { browserTimeZone, formatCountdown, formatTime, useNow } from "@illajwala/ui";
import { useLanguage } from "../../../lib/i18n/context";

/**
 * How long the seat is still held for the patient; after that it may go to someone else. The end
 * is the reader's own clock time: it is when they must act, wherever the clinic is.
 */
export function HoldCountdown({ expiresAt }: { expiresAt: string }) {
  const { t, language } = useLanguage();
  const now = useNow();
  const left = (new Date(expiresAt).getTime() - now) / 1000;
  if (left <= 0) {
    return <p className="text-sm font-medium text-amber-900">{t("booking.holdOver")}</p>;
  }
  return (
    <p className="text-sm text-slate-700">
      {t("booking.holdUntil", { time: formatTime(expiresAt, browserTimeZone(), language) })}{" "}
      {/* the remaining time is read out only on request, not every second */}
      <span aria-hidden="true" className="font-semibold tabular-nums">
        ({t("booking.holdLeft", { left: formatCountdown(left) })})
      </span>
    </p>
  );
}
