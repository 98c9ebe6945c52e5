import { Badge } from "@illajwala/ui";
import { useQueries } from "@tanstack/react-query";
import { AppointmentList } from "../../features/appointments/components/appointment-list";
import { useAppointments } from "../../features/appointments/api/appointments";
import { useMyWaitlist } from "../../features/waitlist/api/waitlist";
import { WaitlistPanel } from "../../features/waitlist/components/waitlist-panel";
import { useClinics } from "../../lib/clinics";
import { doctorQuery } from "../../lib/doctors";
import { useT } from "../../lib/i18n/context";
import { useProfile } from "../../lib/profile";
import { useLiveStatus } from "../live-updates";
import { usePageTitle } from "../use-page-title";

/** The patient's appointments with their live status, and their waitlist with any seat offered. */
export default function AppointmentsPage() {
  const t = useT();
  usePageTitle(t("appointments.title"));
  const live = useLiveStatus();
  const clinics = useClinics();
  const profile = useProfile();
  const appointments = useAppointments();
  const waitlist = useMyWaitlist();
  const doctorIds = [
    ...new Set([
      ...(appointments.data ?? []).map((appointment) => appointment.doctorId),
      ...(waitlist.data ?? []).flatMap((entry) => (entry.doctorId === undefined ? [] : [entry.doctorId])),
    ]),
  ];
  const doctors = useQueries({ queries: doctorIds.map((doctorId) => doctorQuery(doctorId)) });
  const doctorName = (doctorId: string | undefined) =>
    doctors.find((doctor) => doctor.data?.doctorId === doctorId)?.data?.name ?? t("appointments.doctor");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold text-slate-900">{t("appointments.title")}</h1>
        <p role="status" data-testid="live-status">
          <Badge tone={live === "live" ? "good" : "warn"}>
            {live === "live" ? t("live.on") : t("live.connecting")}
          </Badge>
        </p>
      </div>
      <WaitlistPanel clinics={clinics.data ?? []} doctorName={doctorName} onAccepted={() => undefined} />
      <AppointmentList
        clinics={clinics.data ?? []}
        dependents={profile.data?.dependents ?? []}
        doctorName={doctorName}
      />
    </div>
  );
}
