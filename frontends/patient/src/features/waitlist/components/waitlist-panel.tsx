import type { ClinicDocument, QueuedEntry } from "@illajwala/api-client";
import {
  Alert,
  Badge,
  browserTimeZone,
  Button,
  Card,
  formatCountdown,
  formatDateTime,
  formatLocalDate,
  formatTime,
  useNow,
} from "@illajwala/ui";
import { describeError } from "../../../lib/errors";
import { useLanguage } from "../../../lib/i18n/context";
import { useAcceptOffer, useDeclineOffer, useLeaveWaitlist, useMyWaitlist } from "../api/waitlist";

/**
 * The patient's waitlist: a seat offered to them first (accept or decline before the offer runs
 * out), then the entries still waiting with their place in the queue.
 */
export function WaitlistPanel({
  clinics,
  doctorName,
  onAccepted,
}: {
  clinics: ClinicDocument[];
  doctorName: (doctorId: string | undefined) => string;
  onAccepted: () => void;
}) {
  const { t } = useLanguage();
  const waitlist = useMyWaitlist();
  const entries = waitlist.data ?? [];
  const offers = entries.filter((entry) => entry.status === "promoted" && entry.offer !== undefined);
  const waiting = entries.filter((entry) => entry.status === "pending");
  if (offers.length === 0 && waiting.length === 0) {
    return null;
  }
  const zoneOf = (entry: QueuedEntry) => clinics.find((clinic) => clinic.id === entry.clinicId)?.timezone ?? "UTC";
  return (
    <section aria-labelledby="waitlist-heading" className="space-y-3">
      <h2 id="waitlist-heading" className="text-lg font-semibold text-slate-900">
        {t("waitlist.title")}
      </h2>
      <ul className="space-y-3">
        {offers.map((entry) => (
          <Offer
            key={entry.entryId}
            entry={entry}
            timeZone={zoneOf(entry)}
            doctorName={doctorName(entry.doctorId)}
            onAccepted={onAccepted}
          />
        ))}
        {waiting.map((entry) => (
          <Waiting key={entry.entryId} entry={entry} doctorName={doctorName(entry.doctorId)} />
        ))}
      </ul>
    </section>
  );
}

function Offer({
  entry,
  timeZone,
  doctorName,
  onAccepted,
}: {
  entry: QueuedEntry;
  timeZone: string;
  doctorName: string;
  onAccepted: () => void;
}) {
  const { t, language } = useLanguage();
  const accept = useAcceptOffer();
  const decline = useDeclineOffer();
  const now = useNow();
  const offer = entry.offer;
  if (offer === undefined) {
    return null;
  }
  const left = (new Date(offer.expiresAt).getTime() - now) / 1000;
  const failure = accept.error ?? decline.error;
  return (
    <Card as="li" className="space-y-3 border-teal-400 bg-teal-50">
      <div data-testid="waitlist-offer" className="space-y-1">
        <p className="font-semibold text-teal-950">{t("waitlist.offerTitle")}</p>
        <p className="text-slate-900">
          {t("waitlist.offerBody", { name: doctorName, when: formatDateTime(offer.start, timeZone, language) })}
        </p>
        <p className="text-sm text-slate-800">
          {left > 0
            ? t("waitlist.offerUntil", {
                // when the patient must answer, on their own clock
                time: formatTime(offer.expiresAt, browserTimeZone(), language),
                left: formatCountdown(left),
              })
            : t("waitlist.offerOver")}
        </p>
      </div>
      {failure !== null && <Alert tone="error">{describeError(failure, t)}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button
          busy={accept.isPending}
          disabled={left <= 0 || decline.isPending}
          onClick={() => accept.mutate(entry.entryId, { onSuccess: onAccepted })}
        >
          {t("waitlist.accept")}
        </Button>
        <Button
          variant="secondary"
          busy={decline.isPending}
          disabled={left <= 0 || accept.isPending}
          onClick={() => decline.mutate(entry.entryId)}
        >
          {t("waitlist.decline")}
        </Button>
      </div>
    </Card>
  );
}

function Waiting({ entry, doctorName }: { entry: QueuedEntry; doctorName: string }) {
  const { t, language } = useLanguage();
  const leave = useLeaveWaitlist();
  const span =
    entry.from === entry.to
      ? formatLocalDate(entry.from, language)
      : t("waitlist.range", {
          from: formatLocalDate(entry.from, language, "short"),
          to: formatLocalDate(entry.to, language, "short"),
        });
  return (
    <Card as="li" className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <div className="flex-1">
        <p className="font-medium text-slate-900">{t("waitlist.waitingFor", { name: doctorName, window: span })}</p>
        {entry.position !== undefined && (
          <Badge tone="info">{t("waitlist.position", { position: entry.position })}</Badge>
        )}
        {leave.isError && <Alert tone="error">{describeError(leave.error, t)}</Alert>}
      </div>
      <Button variant="ghost" size="sm" busy={leave.isPending} onClick={() => leave.mutate(entry.entryId)}>
        {t("waitlist.leave")}
      </Button>
    </Card>
  );
}
