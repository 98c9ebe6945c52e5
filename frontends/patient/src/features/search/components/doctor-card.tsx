import type { ClinicDocument, DoctorView } from "@illajwala/api-client";
import { Badge, browserTimeZone, Button, formatDateTime, formatMoney } from "@illajwala/ui";
import { Link } from "react-router-dom";
import { useLanguage } from "../../../lib/i18n/context";

/** One search result: who, where, in which languages and ways, for how much, and when next. */
export function DoctorCard({ doctor, clinics }: { doctor: DoctorView; clinics: ClinicDocument[] }) {
  const { t, language } = useLanguage();
  const clinic = clinics.find((candidate) => doctor.clinicIds.includes(candidate.id));
  const timeZone = clinic?.timezone ?? browserTimeZone();
  const languageNames = new Intl.DisplayNames([language === "hi" ? "hi-IN" : "en-IN"], { type: "language" });
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
        <p className="text-slate-700 capitalize">{doctor.specialization}</p>
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
      <div className="space-y-2 sm:w-56 sm:text-right">
        <p className="font-semibold text-slate-900">
          {t("doctor.fee", { fee: formatMoney(doctor.fee, doctor.currency, language) })}
        </p>
        <p className="text-sm text-slate-700">
          {doctor.nextAvailable === null
            ? t("doctor.noSlots")
            : t("doctor.nextAvailable", { when: formatDateTime(doctor.nextAvailable, timeZone, language) }) +
              (clinic === undefined ? "" : ` (${t("booking.clinicTime")})`)}
        </p>
        <Button asChild className="w-full sm:w-auto">
          <Link to={`/doctors/${doctor.doctorId}`} aria-label={t("doctor.seeTimesFor", { name: doctor.name })}>
            {t("doctor.seeTimes")}
          </Link>
        </Button>
      </div>
    </li>
  );
}
