import type { Booking } from "@illajwala/api-client";
import { Alert, Button, Card, formatDateTime, Skeleton } from "@illajwala/ui";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { holdExpiry, useHoldSlot } from "../../features/booking/api/hold-slot";
import { BookingConfirmation } from "../../features/booking/components/booking-confirmation";
import { ConfirmBookingForm } from "../../features/booking/components/confirm-booking-form";
import { HoldCountdown } from "../../features/booking/components/hold-countdown";
import { useClinic } from "../../lib/clinics";
import { useDoctor, useDoctorSlots } from "../../lib/doctors";
import { describeError } from "../../lib/errors";
import { useLanguage } from "../../lib/i18n/context";
import { useProfile } from "../../lib/profile";
import { usePageTitle } from "../use-page-title";

/** The held time: confirm the details, book, see it booked. */
export default function BookPage() {
  const { doctorId = "", slotId = "" } = useParams();
  const { t, language } = useLanguage();
  usePageTitle(t("booking.title"));
  const doctor = useDoctor(doctorId);
  const slots = useDoctorSlots(doctorId);
  const profile = useProfile();
  const slot = slots.data?.find((candidate) => candidate.slotId === slotId);
  const clinic = useClinic(slot?.clinicId);
  const hold = useHoldSlot();
  const [booking, setBooking] = useState<Booking | null>(null);
  const [taken, setTaken] = useState(false);
  const expiresAt = hold.data?.expiresAt ?? holdExpiry(slotId);

  // Opened directly (a reload): make sure the seat is still held for this patient.
  const { mutate: holdAgain } = hold;
  useEffect(() => {
    if (holdExpiry(slotId) === null) {
      holdAgain(slotId, { onError: () => setTaken(true) });
    }
  }, [slotId, holdAgain]);

  if (booking !== null && doctor.data !== undefined) {
    return (
      <BookingConfirmation
        booking={booking}
        doctor={doctor.data}
        clinic={clinic}
        channels={profile.data?.notificationPreferences.channels ?? []}
      />
    );
  }
  if (doctor.isPending || slots.isPending || profile.isPending) {
    return <Skeleton className="h-64" />;
  }
  if (doctor.isError || slots.isError) {
    return <Alert tone="error">{describeError(doctor.error ?? slots.error, t)}</Alert>;
  }
  if (slot === undefined || taken) {
    return (
      <Alert tone="warning" title={t("booking.takenTitle")}>
        <p>{t("booking.takenGone")}</p>
        <Button asChild variant="secondary" className="mt-3">
          <Link to={`/doctors/${doctorId}`}>{t("booking.otherTimes")}</Link>
        </Button>
      </Alert>
    );
  }
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold text-slate-900">{t("booking.title")}</h1>
        <p className="text-lg text-slate-800">
          {t("booking.summary", { name: doctor.data.name, when: formatDateTime(slot.start, slot.timezone, language) })}{" "}
          <span className="text-sm text-slate-600">({t("booking.clinicTime")})</span>
        </p>
        {clinic !== undefined && <p className="text-slate-700">{clinic.name}</p>}
        {expiresAt !== null && <HoldCountdown expiresAt={expiresAt} />}
      </div>
      <Card as="section">
        <h2 className="sr-only">{t("booking.detailsTitle")}</h2>
        <ConfirmBookingForm
          slot={slot}
          dependents={profile.data?.dependents ?? []}
          onBooked={setBooking}
          onTaken={() => setTaken(true)}
        />
      </Card>
    </div>
  );
}
