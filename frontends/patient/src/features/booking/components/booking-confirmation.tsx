import type { Booking, ClinicDocument, DoctorProfile } from "@illajwala/api-client";
import { Alert, Button, Card, formatDateTime, formatMoney, localeOf } from "@illajwala/ui";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { bookingReference } from "../../../lib/booking-reference";
import { icsHref } from "../../../lib/calendar";
import { clinicAddress, mapLink } from "../../../lib/clinics";
import { useLanguage } from "../../../lib/i18n/context";
import { isMessageKey } from "../../../lib/i18n/messages";
import { payWithRazorpay } from "../../../lib/razorpay";

/**
 * The booking made: its reference, when, with whom, where (with a map), the fee, a calendar entry
 * to keep, and the confirmation the patient was sent; for an online payment, the way to pay.
 */
export function BookingConfirmation({
  booking,
  doctor,
  clinic,
  channels,
}: {
  booking: Booking;
  doctor: DoctorProfile;
  clinic: ClinicDocument | undefined;
  /** How the patient hears from clinics (their profile's channels). */
  channels: string[];
}) {
  const { t, language } = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  const [payment, setPayment] = useState<"waiting" | "paid" | "failed">("waiting");
  useEffect(() => heading.current?.focus(), []);
  const pending = booking.status === "pending" && booking.payment !== undefined;
  const reference = bookingReference(booking.appointmentId);
  const fee =
    booking.payment === undefined
      ? t("booking.feeAtClinic", { fee: formatMoney(doctor.fee, doctor.currency, language) })
      : t("booking.feeOnline", {
          fee: formatMoney(booking.payment.amountMinor / 100, booking.payment.currency, language),
        });
  const where = clinic === undefined ? "" : `${clinic.name}, ${clinicAddress(clinic)}`;
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
      {!pending && channels.length > 0 && (
        <p className="text-slate-800" data-testid="confirmation-sent">
          {t("booking.sentConfirmation", {
            channels: new Intl.ListFormat(localeOf(language), { type: "conjunction" }).format(
              channels.map((channel) => {
                const key = "channel." + channel;
                return isMessageKey(key) ? t(key) : channel;
              }),
            ),
          })}
        </p>
      )}
      <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-slate-700">{t("booking.reference")}</dt>
        <dd className="font-mono text-base font-semibold text-slate-900" data-testid="booking-reference">
          {reference}
        </dd>
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
              {where}{" "}
              <a
                href={mapLink(clinic)}
                target="_blank"
                rel="noopener noreferrer"
                className="font-medium whitespace-nowrap text-teal-800 underline"
              >
                {t("booking.openMap")}
              </a>
            </dd>
          </>
        )}
        <dt className="font-medium text-slate-700">{t("booking.mode")}</dt>
        <dd className="text-slate-900">{t(`mode.${booking.mode}` as const)}</dd>
        <dt className="font-medium text-slate-700">{t("booking.fee")}</dt>
        <dd className="text-slate-900" data-testid="booked-fee">
          {fee}
        </dd>
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
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button asChild variant="secondary">
          <a
            href={icsHref({
              uid: booking.appointmentId,
              start: booking.start,
              end: booking.end,
              title: t("booking.calendarTitle", { name: doctor.name }),
              location: where,
              description: `${t("booking.reference")} ${reference}`,
            })}
            download={`illajwala-${reference}.ics`}
          >
            {t("booking.addToCalendar")}
          </a>
        </Button>
        <Button asChild variant="secondary">
          <Link to="/appointments">{t("booking.seeAppointments")}</Link>
        </Button>
      </div>
    </Card>
  );
}
