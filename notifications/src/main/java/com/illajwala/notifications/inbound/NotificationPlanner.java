package com.illajwala.notifications.inbound;

import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.IllajwalaEvent;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentCancelled;
import com.illajwala.events.appointment.AppointmentConfirmed;
import com.illajwala.events.appointment.AppointmentRefunded;
import com.illajwala.events.appointment.AppointmentReminderDue;
import com.illajwala.events.appointment.AppointmentRescheduled;
import com.illajwala.events.appointment.CancellationReason;
import com.illajwala.events.notification.NotificationKind;
import com.illajwala.events.schedule.DoctorRunningLate;
import com.illajwala.events.waitlist.WaitlistEntryExpired;
import com.illajwala.events.waitlist.WaitlistOfferLapsed;
import com.illajwala.events.waitlist.WaitlistOfferMade;
import com.illajwala.kafka.EventEnvelope;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what an event tells patients (plain Java). Booked and confirmed, paid, cancelled (or
 * called off for want of payment), moved, refunded, reminded, offered a seat from the waitlist, the
 * offer or the wait run out, the doctor running late; every other event tells nobody anything.
 * An event older than {@code maxEventAge} when read — history, read by a consumer group that is new —
 * tells nobody anything either.
 */
public final class NotificationPlanner {

    public static final String SEQUENCE = "sequence";
    public static final String HOURS_BEFORE = "hoursBefore";
    public static final String MINUTES_LATE = "minutesLate";
    public static final String OFFER_EXPIRES_AT = "offerExpiresAt";

    private final SubjectFacts facts;
    private final Duration maxEventAge;

    public NotificationPlanner(SubjectFacts facts, Duration maxEventAge) {
        this.facts = facts;
        this.maxEventAge = maxEventAge;
    }

    /** Remembers the event's facts, then plans its notifications. */
    public List<PlannedNotification> plan(EventEnvelope envelope, Instant now) {
        IllajwalaEvent event = envelope.data();
        facts.remember(event);
        if (envelope.time().plus(maxEventAge).isBefore(now)) {
            return List.of();
        }
        String id = envelope.id();
        Map<String, Object> sequence = Map.of(SEQUENCE, envelope.sequence());
        if (event instanceof AppointmentBooked booked) {
            return booked.status() == AppointmentStatus.CONFIRMED
                    ? aboutAppointment(id, NotificationKind.APPOINTMENT_CONFIRMED, booked.appointmentId(), sequence)
                    : List.of(); // pending: the patient is paying; the payment's outcome is what they hear of
        }
        if (event instanceof AppointmentConfirmed confirmed) {
            return aboutAppointment(id, NotificationKind.PAYMENT_RECEIVED, confirmed.appointmentId(), sequence);
        }
        if (event instanceof AppointmentCancelled cancelled) {
            return aboutAppointment(id, cancelled.reason() == CancellationReason.PAYMENT_NOT_RECEIVED
                    ? NotificationKind.PAYMENT_FAILED : NotificationKind.APPOINTMENT_CANCELLED, cancelled.appointmentId(), sequence);
        }
        if (event instanceof AppointmentRescheduled rescheduled) {
            return aboutAppointment(id, NotificationKind.APPOINTMENT_RESCHEDULED, rescheduled.appointmentId(), sequence);
        }
        if (event instanceof AppointmentRefunded refunded) {
            return aboutAppointment(id, NotificationKind.REFUND_ISSUED, refunded.appointmentId(), sequence);
        }
        if (event instanceof AppointmentReminderDue reminder) {
            return aboutAppointment(id, NotificationKind.APPOINTMENT_REMINDER, reminder.appointmentId(),
                    Map.of(SEQUENCE, envelope.sequence(), HOURS_BEFORE, reminder.before().toHours()));
        }
        if (event instanceof DoctorRunningLate late) {
            return late.appointmentIds().stream()
                    .flatMap(appointmentId -> facts.appointment(appointmentId).stream())
                    .map(appointment -> appointment(id, NotificationKind.DOCTOR_RUNNING_LATE, appointment, true,
                            Map.of(MINUTES_LATE, late.minutes())))
                    .toList();
        }
        if (event instanceof WaitlistOfferMade offer) {
            return List.of(new PlannedNotification(id, NotificationKind.WAITLIST_OFFER, offer.entryId(), false,
                    offer.tenantId(), offer.patientId(), null, offer.entryId(), offer.doctorId(), offer.clinicId(),
                    offer.start(), null, offer.timezone(), Map.of(OFFER_EXPIRES_AT, offer.expiresAt().toString())));
        }
        if (event instanceof WaitlistOfferLapsed lapsed) {
            return aboutEntry(id, NotificationKind.WAITLIST_OFFER_LAPSED, lapsed.entryId());
        }
        if (event instanceof WaitlistEntryExpired expired) {
            return aboutEntry(id, NotificationKind.WAITLIST_ENTRY_EXPIRED, expired.entryId());
        }
        return List.of();
    }

    private List<PlannedNotification> aboutAppointment(String eventId, NotificationKind kind, String appointmentId,
                                                       Map<String, Object> details) {
        return facts.appointment(appointmentId)
                .map(appointment -> List.of(appointment(eventId, kind, appointment, false, details)))
                .orElse(List.of());
    }

    private static PlannedNotification appointment(String eventId, NotificationKind kind, SubjectFacts.Appointment appointment,
                                                   boolean sharedByOthers, Map<String, Object> details) {
        return new PlannedNotification(eventId, kind, appointment.appointmentId(), sharedByOthers, appointment.tenantId(),
                appointment.patientId(), appointment.appointmentId(), null, appointment.doctorId(), appointment.clinicId(),
                appointment.start(), appointment.end(), appointment.timezone(), details);
    }

    private List<PlannedNotification> aboutEntry(String eventId, NotificationKind kind, String entryId) {
        Optional<SubjectFacts.WaitlistEntry> entry = facts.waitlistEntry(entryId);
        return entry.map(known -> List.of(new PlannedNotification(eventId, kind, entryId, false, known.tenantId(),
                known.patientId(), null, entryId, known.doctorId(), known.clinicId(), null, null, null, Map.of())))
                .orElse(List.of());
    }
}
