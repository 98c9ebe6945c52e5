import type { AppointmentView, ClinicDocument, Dependent } from "@illajwala/api-client";
import { Alert, Button, Skeleton, Tabs, useNow } from "@illajwala/ui";
import { Link } from "react-router-dom";
import { describeError } from "../../../lib/errors";
import { useT } from "../../../lib/i18n/context";
import { useAppointments } from "../api/appointments";
import { AppointmentCard } from "./appointment-card";

const ACTIVE = ["pending", "confirmed", "checked_in", "in_consultation"];

/** Upcoming and past appointments, in tabs. */
export function AppointmentList({
  clinics,
  dependents,
  doctorName,
}: {
  clinics: ClinicDocument[];
  dependents: Dependent[];
  doctorName: (doctorId: string) => string;
}) {
  const t = useT();
  const appointments = useAppointments();
  const now = useNow(30_000);
  if (appointments.isPending) {
    return <Skeleton className="h-40" />;
  }
  if (appointments.isError) {
    return <Alert tone="error">{describeError(appointments.error, t)}</Alert>;
  }
  const upcoming = appointments.data.filter(
    (appointment) => ACTIVE.includes(appointment.status) && new Date(appointment.end).getTime() > now,
  );
  const past = appointments.data.filter((appointment) => !upcoming.includes(appointment)).reverse();
  const list = (items: AppointmentView[], empty: string) =>
    items.length === 0 ? (
      <div className="space-y-3" data-testid="appointments-empty">
        <p className="text-slate-700">{empty}</p>
        <Button asChild>
          <Link to="/">{t("nav.search")}</Link>
        </Button>
      </div>
    ) : (
      <ul className="space-y-3">
        {items.map((appointment) => (
          <AppointmentCard
            key={appointment.appointmentId}
            appointment={appointment}
            clinic={clinics.find((clinic) => clinic.id === appointment.clinicId)}
            doctorName={doctorName(appointment.doctorId)}
            forName={dependents.find((dependent) => dependent.id === appointment.dependentId)?.name}
          />
        ))}
      </ul>
    );
  return (
    <Tabs
      label={t("appointments.title")}
      tabs={[
        {
          value: "upcoming",
          title: t("appointments.upcoming", { count: upcoming.length }),
          content: list(upcoming, t("appointments.noneUpcoming")),
        },
        { value: "past", title: t("appointments.past"), content: list(past, t("appointments.nonePast")) },
      ]}
    />
  );
}
