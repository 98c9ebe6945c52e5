import type { AppointmentView, CancellationReason, ClinicDocument } from "@illajwala/api-client";
import { Alert, Button, Dialog, Field, formatDateTime, NativeSelect, useNow } from "@illajwala/ui";
import { useState } from "react";
import { describeError } from "../../../lib/errors";
import { useLanguage } from "../../../lib/i18n/context";
import { useCancelAppointment } from "../api/appointments";

/** The reasons a patient gives; the others (doctor unavailable, clinic closed, unpaid) are the clinic's and the platform's. */
const PATIENT_REASONS = ["patient_request", "duplicate", "other"] as const satisfies readonly CancellationReason[];
type PatientReason = (typeof PATIENT_REASONS)[number];

/** The clinic's rule: patients cancel or move online until this many hours before the start (2 until the clinic is known). */
export function noticeHours(clinic: ClinicDocument | undefined): number {
  return clinic?.bookingPolicy.cancellationNoticeHours ?? 2;
}

/** The last moment the patient may cancel or move the appointment online. */
export function cancellationDeadline(appointment: AppointmentView, clinic: ClinicDocument | undefined): Date {
  const hours = noticeHours(clinic);
  return new Date(new Date(appointment.start).getTime() - hours * 3_600_000);
}

/** Cancelling, with the clinic's policy said before the patient decides. */
export function CancelDialog({
  appointment,
  clinic,
  doctorName,
  open,
  onOpenChange,
}: {
  appointment: AppointmentView;
  clinic: ClinicDocument | undefined;
  doctorName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t, language } = useLanguage();
  const [reason, setReason] = useState<PatientReason>("patient_request");
  const cancel = useCancelAppointment();
  const deadline = cancellationDeadline(appointment, clinic);
  const hours = noticeHours(clinic);
  const tooLate = useNow(10_000) > deadline.getTime();
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("appointments.cancelTitle")}
      description={t("appointments.cancelWhat", {
        name: doctorName,
        when: formatDateTime(appointment.start, appointment.timezone, language),
      })}
    >
      <div className="space-y-4">
        <Alert tone={tooLate ? "warning" : "info"} title={t("appointments.policyTitle")}>
          <p data-testid="cancellation-policy">
            {t("appointments.policy", { hours, clinic: clinic?.name ?? "" })}{" "}
            {tooLate
              ? t("appointments.policyPassed", { phone: clinic?.contact.phone ?? "" })
              : t("appointments.policyUntil", {
                  when: formatDateTime(deadline.toISOString(), appointment.timezone, language),
                })}
          </p>
        </Alert>
        {!tooLate && (
          <Field label={t("appointments.cancelReason")}>
            {(control) => (
              <NativeSelect
                {...control}
                value={reason}
                onChange={(event) => setReason(event.target.value as PatientReason)}
              >
                {PATIENT_REASONS.map((option) => (
                  <option key={option} value={option}>
                    {t(`reason.${option}` as const)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
        )}
        {cancel.isError && <Alert tone="error">{describeError(cancel.error, t)}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {t("appointments.keep")}
          </Button>
          {!tooLate && (
            <Button
              variant="danger"
              busy={cancel.isPending}
              onClick={() =>
                cancel.mutate(
                  { appointmentId: appointment.appointmentId, reason },
                  { onSuccess: () => onOpenChange(false) },
                )
              }
            >
              {t("appointments.confirmCancel")}
            </Button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
