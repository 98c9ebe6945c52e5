import type { ClinicDocument, DoctorView } from "@illajwala/api-client";
import { Badge, browserTimeZone, Button, formatDateTime, formatDay, formatMoney, formatTime } from "@illajwala/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { doctorQuery } from "../../../lib/doctors";
import { useLanguage } from "../../../lib/i18n/context";
import { specialtyName } from "../../../lib/specialties";

/** How many of the doctor's next free times a result offers to book straight away. */
export const TIMES_ON_CARD = 3;

/**
 * One search result: who, where, in which languages and ways, for how much, and their next free
 * times, each a link straight to confirming that time (the profile, read for them, is the one the
 * doctor's page shows next, so opening it costs nothing more).
 */
export function DoctorCard({ doctor, clinics }: { doctor: DoctorView; clinics: ClinicDocument[] }) {
  const { t, language } = useLanguage();
  const profile = useQuery(doctorQuery(doctor.doctorId));
  const clinic = clinics.find((candidate) => doctor.clinicIds.includes(candidate.id));
  const timeZone = clinic?.timezone ?? browserTimeZone();
  const languageNames = new Intl.DisplayNames([language === "hi" ? "hi-IN" : "en-IN"], { type: "language" });
  const times = (profile.data?.nextSlots ?? []).slice(0, TIMES_ON_CARD);
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center">
      <div className="flex-1 space-y-1">
        <h2 className="text-lg font-semibold text-slate-900">
          <Link
            to={`/doctors/${doctor.doctorId}`}
            className="hover:underline focus-visible:outline-2 focus-visible:outline-teal-700"
          >
            {doctor.name}
          </Link>
        </h2>
        <p className="text-slate-700 capitalize">{specialtyName(doctor.specialization, t)}</p>
        <p className="text-sm text-slate-700">
          {clinic === undefined ? doctor.cities.join(", ") : `${clinic.name}, ${clinic.address.city}`}
        </p>
        <p className="text-sm text-slate-700">
          {t("doctor.speaks", { languages: doctor.languages.map((code) => languageNames.of(code) ?? code).join(", ") })}
        </p>
        <div className="flex flex-wrap gap-1">
          {doctor.modes.map((mode) => (
            <Badge key={mode} tone="info">
              {t(`mode.${mode}` as const)}
            </Badge>
          ))}
        </div>
      </div>
      <div className="space-y-2 sm:w-64 sm:text-right">
        <p className="font-semibold text-slate-900">
          {t("doctor.fee", { fee: formatMoney(doctor.fee, doctor.currency, language) })}
        </p>
        {times.length > 0 ? (
          <ul
            aria-label={t("doctor.nextTimes", { name: doctor.name })}
            className="flex flex-wrap gap-2 sm:justify-end"
            data-testid="next-times"
          >
            {times.map((slot) => (
              <li key={slot.slotId}>
                <Link
                  to={`/doctors/${doctor.doctorId}/book/${slot.slotId}`}
                  data-slot-id={slot.slotId}
                  aria-label={t("doctor.bookAt", {
                    when: formatDateTime(slot.start, slot.timezone, language),
                    name: doctor.name,
                  })}
                  className="flex min-h-11 flex-col items-center justify-center rounded-md border border-teal-700 bg-white px-3 py-1 text-sm text-teal-900 hover:bg-teal-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
                >
                  <span className="text-xs text-slate-700">{formatDay(slot.start, slot.timezone, language)}</span>
                  <span className="font-semibold">{formatTime(slot.start, slot.timezone, language)}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">
            {doctor.nextAvailable === null
              ? t("doctor.noSlots")
              : t("doctor.nextAvailable", { when: formatDateTime(doctor.nextAvailable, timeZone, language) }) +
                (clinic === undefined ? "" : ` (${t("booking.clinicTime")})`)}
          </p>
        )}
        <Button asChild variant={times.length > 0 ? "secondary" : "primary"} className="w-full sm:w-auto">
          <Link to={`/doctors/${doctor.doctorId}`} aria-label={t("doctor.seeTimesFor", { name: doctor.name })}>
            {t("doctor.seeTimes")}
          </Link>
        </Button>
      </div>
    </li>
  );
}
