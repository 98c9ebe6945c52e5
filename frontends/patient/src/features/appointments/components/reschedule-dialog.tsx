import type { AppointmentView, SlotView } from "@illajwala/api-client";
import { Alert, Button, Dialog, formatDateTime, Spinner } from "@illajwala/ui";
import { useState } from "react";
import { SlotPicker } from "../../../components/slot-picker";
import { useDoctorSlots } from "../../../lib/doctors";
import { describeError } from "../../../lib/errors";
import { useLanguage } from "../../../lib/i18n/context";
import { useRescheduleAppointment } from "../api/appointments";

/** Another time with the same doctor: the new seat is taken and the old one given back together, or neither. */
export function RescheduleDialog({
  appointment,
  doctorName,
  open,
  onOpenChange,
}: {
  appointment: AppointmentView;
  doctorName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t, language } = useLanguage();
  const slots = useDoctorSlots(open ? appointment.doctorId : undefined);
  const [chosen, setChosen] = useState<SlotView | null>(null);
  const reschedule = useRescheduleAppointment();
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("appointments.rescheduleTitle")}
      description={t("appointments.rescheduleWhat", {
        name: doctorName,
        when: formatDateTime(appointment.start, appointment.timezone, language),
      })}
    >
      <div className="space-y-4">
        {slots.isPending ? (
          <Spinner label={t("common.loading")} />
        ) : slots.isError ? (
          <Alert tone="error">{describeError(slots.error, t)}</Alert>
        ) : (
          <SlotPicker
            slots={slots.data.filter((slot) => slot.clinicId === appointment.clinicId)}
            timeZone={appointment.timezone}
            selectedSlotId={chosen?.slotId ?? null}
            onSelect={setChosen}
            label={doctorName}
            excludeSlotIds={[appointment.slotId]}
          />
        )}
        {reschedule.isError && <Alert tone="error">{describeError(reschedule.error, t)}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {t("common.close")}
          </Button>
          <Button
            disabled={chosen === null}
            busy={reschedule.isPending}
            onClick={() =>
              chosen !== null &&
              reschedule.mutate(
                { appointmentId: appointment.appointmentId, slotId: chosen.slotId },
                { onSuccess: () => onOpenChange(false) },
              )
            }
          >
            {t("appointments.confirmReschedule")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
