import type { ClinicDocument, DoctorProfile } from "@illajwala/api-client";
import { Badge, formatMoney } from "@illajwala/ui";
import { clinicAddress } from "../../../lib/clinics";
import { useLanguage } from "../../../lib/i18n/context";
import { specialtyName } from "../../../lib/specialties";

/** The doctor's public profile: who they are, where and how they see patients, and the fee. */
export function DoctorHeader({ doctor, clinic }: { doctor: DoctorProfile; clinic: ClinicDocument | undefined }) {
  const { t, language } = useLanguage();
  const languageNames = new Intl.DisplayNames([language === "hi" ? "hi-IN" : "en-IN"], { type: "language" });
  return (
    <header className="space-y-2">
      <h1 className="text-2xl font-bold text-slate-900">{doctor.name}</h1>
      <p className="text-lg text-slate-700 capitalize">{specialtyName(doctor.specialization, t)}</p>
      {clinic !== undefined && (
        <address className="text-sm text-slate-700 not-italic">
          <span className="font-medium text-slate-900">{clinic.name}</span>
          <br />
          {clinicAddress(clinic)}
        </address>
      )}
      <p className="text-sm text-slate-700">
        {t("doctor.speaks", { languages: doctor.languages.map((code) => languageNames.of(code) ?? code).join(", ") })}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {doctor.modes.map((mode) => (
          <Badge key={mode} tone="info">
            {t(`mode.${mode}` as const)}
          </Badge>
        ))}
        <span className="font-semibold text-slate-900">
          {t("doctor.fee", { fee: formatMoney(doctor.fee, doctor.currency, language) })}
        </span>
      </div>
    </header>
  );
}
