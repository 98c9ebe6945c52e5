import type { AppointmentStatus, AppointmentView, ClinicDocument } from "@illajwala/api-client";
import { Badge, Button, Card, formatDateTime, useNow } from "@illajwala/ui";
import { useId, useState } from "react";
import { bookingReference } from "../../../lib/booking-reference";
import { useLanguage } from "../../../lib/i18n/context";
import { CancelDialog, cancellationDeadline, noticeHours } from "./cancel-dialog";
import { RescheduleDialog } from "./reschedule-dialog";

const STATUS_TONE: Record<AppointmentStatus, "neutral" | "good" | "warn" | "bad" | "info"> = {
  pending: "warn",
  confirmed: "good",
  checked_in: "info",
  in_consultation: "info",
  completed: "neutral",
  cancelled: "bad",
  no_show: "bad",
};

const CHANGEABLE: AppointmentStatus[] = ["pending", "confirmed"];

/** One appointment with its live status; upcoming ones can be cancelled or moved within the clinic's policy. */
export function AppointmentCard({
  appointment,
  clinic,
  doctorName,
  forName,
}: {
  appointment: AppointmentView;
  clinic: ClinicDocument | undefined;
  doctorName: string;
  /** The dependent it is for, if not the patient. */
  forName: string | undefined;
}) {
  const { t, language } = useLanguage();
  const [dialog, setDialog] = useState<"cancel" | "reschedule" | null>(null);
  const now = useNow(30_000);
  const changeable = CHANGEABLE.includes(appointment.status) && new Date(appointment.start).getTime() > now;
  const withinPolicy = now < cancellationDeadline(appointment, clinic).getTime();
  const closedId = useId();
  return (
    <Card as="li" className="space-y-3">
      <div
        data-testid="appointment"
        data-appointment-id={appointment.appointmentId}
        data-status={appointment.status}
        className="flex flex-col gap-2 sm:flex-row sm:items-start"
      >
        <div className="flex-1 space-y-1">
          <h3 className="font-semibold text-slate-900">{doctorName}</h3>
          <p className="text-slate-800">
            {formatDateTime(appointment.start, appointment.timezone, language)}{" "}
            <span className="text-sm text-slate-600">({t("booking.clinicTime")})</span>
          </p>
          <p className="text-sm text-slate-700">
            {clinic?.name ?? ""} · {t(`mode.${appointment.mode}` as const)}
            {forName !== undefined && " · " + t("appointments.forDependent", { name: forName })}
          </p>
          <p className="text-sm text-slate-600">
            {t("appointments.reference", { reference: bookingReference(appointment.appointmentId) })}
          </p>
        </div>
        <Badge tone={STATUS_TONE[appointment.status]}>
          <span data-testid="appointment-status">{t(`status.${appointment.status}` as const)}</span>
        </Badge>
      </div>
      {changeable && (
        <div className="space-y-2">
          <div className="flex flex-wrap gap-2">
            <Button
              variant="secondary"
              size="sm"
              onClick={() => setDialog("reschedule")}
              disabled={!withinPolicy}
              aria-describedby={withinPolicy ? undefined : closedId}
            >
              {t("appointments.reschedule")}
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setDialog("cancel")}>
              {t("appointments.cancel")}
            </Button>
          </div>
          {!withinPolicy && (
            <p id={closedId} className="text-sm text-slate-700" data-testid="change-closed">
              {t("appointments.changeClosed", {
                hours: noticeHours(clinic),
                clinic: clinic?.name ?? "",
                phone: clinic?.contact.phone ?? "",
              })}
            </p>
          )}
        </div>
      )}
      {dialog === "cancel" && (
        <CancelDialog
          appointment={appointment}
          clinic={clinic}
          doctorName={doctorName}
          open
          onOpenChange={(open) => setDialog(open ? "cancel" : null)}
        />
      )}
      {dialog === "reschedule" && (
        <RescheduleDialog
          appointment={appointment}
          doctorName={doctorName}
          open
          onOpenChange={(open) => setDialog(open ? "reschedule" : null)}
        />
      )}
    </Card>
  );
}
