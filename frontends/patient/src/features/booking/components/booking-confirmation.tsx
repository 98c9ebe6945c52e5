import type { Booking, ClinicDocument, DoctorProfile } from "@illajwala/api-client";
import { Alert, Button, Card, formatDateTime, formatMoney } from "@illajwala/ui";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { useLanguage } from "../../../lib/i18n/context";
import { payWithRazorpay } from "../../../lib/razorpay";

/** The booking made: when, with whom, where; for an online payment, the way to pay. */
export function BookingConfirmation({
  booking,
  doctor,
  clinic,
}: {
  booking: Booking;
  doctor: DoctorProfile;
  clinic: ClinicDocument | undefined;
}) {
  const { t, language } = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  const [payment, setPayment] = useState<"waiting" | "paid" | "failed">("waiting");
  useEffect(() => heading.current?.focus(), []);
  const pending = booking.status === "pending" && booking.payment !== undefined;
  const pay = async () => {
    if (booking.payment === undefined) {
      return;
    }
    try {
      const outcome = await payWithRazorpay(booking.payment, doctor.name);
      if (outcome === "paid") {
        setPayment("paid");
      }
    } catch {
      setPayment("failed");
    }
  };
  return (
    <Card as="section" className="space-y-4">
      <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold text-teal-900 focus:outline-none">
        {pending ? t("booking.bookedPendingTitle") : t("booking.bookedTitle")}
      </h2>
      <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-slate-700">{t("booking.doctor")}</dt>
        <dd className="text-slate-900">{doctor.name}</dd>
        <dt className="font-medium text-slate-700">{t("booking.when")}</dt>
        <dd className="text-slate-900" data-testid="booked-when">
          {formatDateTime(booking.start, booking.timezone, language)} ({t("booking.clinicTime")})
        </dd>
        {clinic !== undefined && (
          <>
            <dt className="font-medium text-slate-700">{t("booking.where")}</dt>
            <dd className="text-slate-900">
              {clinic.name}, {clinic.address.line1}, {clinic.address.city}
            </dd>
          </>
        )}
        <dt className="font-medium text-slate-700">{t("booking.mode")}</dt>
        <dd className="text-slate-900">{t(`mode.${booking.mode}` as const)}</dd>
      </dl>
      {pending && booking.payment !== undefined && (
        <div className="space-y-2">
          <Alert tone={payment === "failed" ? "error" : "info"}>
            {payment === "paid"
              ? t("booking.paymentReceived")
              : payment === "failed"
                ? t("booking.paymentUnavailable")
                : t("booking.payWithin", {
                    amount: formatMoney(booking.payment.amountMinor / 100, booking.payment.currency, language),
                  })}
          </Alert>
          {payment === "waiting" && <Button onClick={() => void pay()}>{t("booking.payNow")}</Button>}
        </div>
      )}
      <Button asChild variant="secondary">
        <Link to="/appointments">{t("booking.seeAppointments")}</Link>
      </Button>
    </Card>
  );
}
