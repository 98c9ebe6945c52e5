package com.illajwala.notifications.inbound;

import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.IllajwalaEvent;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentCancelled;
import com.illajwala.events.appointment.AppointmentCheckedIn;
import com.illajwala.events.appointment.AppointmentConfirmed;
import com.illajwala.events.appointment.AppointmentRefunded;
import com.illajwala.events.appointment.AppointmentReminderDue;
import com.illajwala.events.appointment.AppointmentRescheduled;
import com.illajwala.events.appointment.CancellationReason;
import com.illajwala.events.appointment.CancelledBy;
import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.events.notification.NotificationKind;
import com.illajwala.events.schedule.DoctorRunningLate;
import com.illajwala.events.waitlist.WaitlistEntryExpired;
import com.illajwala.events.waitlist.WaitlistJoined;
import com.illajwala.events.waitlist.WaitlistOfferLapsed;
import com.illajwala.events.waitlist.WaitlistOfferMade;
import com.illajwala.kafka.EventEnvelope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationPlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant START = Instant.parse("2026-12-01T03:30:00Z");
    private final NotificationPlanner planner = new NotificationPlanner(new InMemorySubjectFacts(), Duration.ofHours(24));

    private List<PlannedNotification> plan(IllajwalaEvent event) {
        return planner.plan(new EventEnvelope("event-" + event.getClass().getSimpleName(), NOW.minusSeconds(5), 3, event), NOW);
    }

    private static AppointmentBooked booked(String appointmentId, AppointmentStatus status) {
        return new AppointmentBooked(appointmentId, "apollo", "slot-1", "dr-1", "clinic-1", "patient-1", null, START,
                START.plusSeconds(1800), "Asia/Kolkata", ConsultationMode.CLINIC, status);
    }

    @Test
    void aConfirmedBookingTellsThePatientWithTheAppointmentsFacts() {
        List<PlannedNotification> plans = plan(booked("appt-1", AppointmentStatus.CONFIRMED));

        assertThat(plans).singleElement().satisfies(plan -> {
            assertThat(plan.kind()).isEqualTo(NotificationKind.APPOINTMENT_CONFIRMED);
            assertThat(plan.patientId()).isEqualTo("patient-1");
            assertThat(plan.appointmentId()).isEqualTo("appt-1");
            assertThat(plan.clinicId()).isEqualTo("clinic-1");
            assertThat(plan.startsAt()).isEqualTo(START);
            assertThat(plan.details()).containsEntry(NotificationPlanner.SEQUENCE, 3L);
            assertThat(plan.idempotencyKey(NotificationChannel.SMS)).isEqualTo("event-AppointmentBooked:sms");
        });
    }

    @Test
    void aBookingAwaitingPaymentTellsNothingUntilThePaymentsOutcome() {
        assertThat(plan(booked("appt-1", AppointmentStatus.PENDING))).isEmpty();
        assertThat(plan(new AppointmentConfirmed("appt-1", "apollo", "patient-1", "dr-1", "clinic-1", START, "Asia/Kolkata",
                "pay-1"))).extracting(PlannedNotification::kind).containsExactly(NotificationKind.PAYMENT_RECEIVED);
        assertThat(plan(new AppointmentRefunded("appt-1", "apollo", "dr-1", START, "Asia/Kolkata", "pay-1", "rfnd-1")))
                .extracting(PlannedNotification::kind, PlannedNotification::patientId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NotificationKind.REFUND_ISSUED, "patient-1"));
    }

    @Test
    void cancellationsRemindersAndMovesAreTold() {
        plan(booked("appt-1", AppointmentStatus.CONFIRMED));

        assertThat(plan(new AppointmentRescheduled("appt-1", "apollo", "patient-1", "slot-1", "slot-2", "dr-1", "clinic-1",
                START.plusSeconds(3600), START.plusSeconds(5400), "Asia/Kolkata"))).singleElement()
                .satisfies(plan -> assertThat(plan.startsAt()).isEqualTo(START.plusSeconds(3600)));
        assertThat(plan(new AppointmentReminderDue("appt-1", "apollo", "patient-1", "dr-1", "clinic-1", START, "Asia/Kolkata",
                Duration.ofHours(2)))).singleElement()
                .satisfies(plan -> assertThat(plan.details()).containsEntry(NotificationPlanner.HOURS_BEFORE, 2L));
        assertThat(plan(new AppointmentCancelled("appt-1", "apollo", "slot-1", "dr-1", "patient-1", START, "Asia/Kolkata",
                CancelledBy.SYSTEM, CancellationReason.PAYMENT_NOT_RECEIVED, null)))
                .extracting(PlannedNotification::kind).containsExactly(NotificationKind.PAYMENT_FAILED);
        assertThat(plan(new AppointmentCancelled("appt-1", "apollo", "slot-1", "dr-1", "patient-1", START, "Asia/Kolkata",
                CancelledBy.CLINIC, CancellationReason.DOCTOR_UNAVAILABLE, null)))
                .extracting(PlannedNotification::kind).containsExactly(NotificationKind.APPOINTMENT_CANCELLED);
        assertThat(plan(new AppointmentCheckedIn("appt-1", "apollo", "slot-1", "dr-1", START, "Asia/Kolkata"))).isEmpty();
    }

    @Test
    void aDoctorRunningLateTellsEachPatientOfTheDayWithKeysOfTheirOwn() {
        plan(booked("appt-1", AppointmentStatus.CONFIRMED));
        plan(booked("appt-2", AppointmentStatus.CONFIRMED));

        List<PlannedNotification> plans = plan(new DoctorRunningLate("dr-1", "apollo", LocalDate.parse("2026-12-01"), 25,
                List.of("appt-1", "appt-2", "appt-unknown")));

        assertThat(plans).extracting(PlannedNotification::appointmentId).containsExactly("appt-1", "appt-2");
        assertThat(plans).allSatisfy(plan -> assertThat(plan.details()).containsEntry(NotificationPlanner.MINUTES_LATE, 25));
        assertThat(plans.get(0).idempotencyKey(NotificationChannel.EMAIL)).isEqualTo("event-DoctorRunningLate/appt-1:email");
        assertThat(plans.get(0).notificationId(NotificationChannel.EMAIL))
                .isNotEqualTo(plans.get(1).notificationId(NotificationChannel.EMAIL));
    }

    @Test
    void waitlistOffersAndTheirEndsAreTold() {
        plan(new WaitlistJoined("entry-1", "apollo", "clinic-1", "dr-1", null, "patient-1", null, LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-05"), Set.of(), Set.of(ConsultationMode.CLINIC), START));

        assertThat(plan(new WaitlistOfferMade("entry-1", "apollo", "patient-1", "slot-1", "dr-1", "clinic-1", START,
                "Asia/Kolkata", ConsultationMode.CLINIC, "hold-1", NOW.plusSeconds(900)))).singleElement()
                .satisfies(plan -> {
                    assertThat(plan.kind()).isEqualTo(NotificationKind.WAITLIST_OFFER);
                    assertThat(plan.waitlistEntryId()).isEqualTo("entry-1");
                    assertThat(plan.details()).containsEntry(NotificationPlanner.OFFER_EXPIRES_AT, NOW.plusSeconds(900).toString());
                });
        assertThat(plan(new WaitlistOfferLapsed("entry-1", "apollo", "slot-1")))
                .extracting(PlannedNotification::kind, PlannedNotification::patientId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NotificationKind.WAITLIST_OFFER_LAPSED, "patient-1"));
        assertThat(plan(new WaitlistEntryExpired("entry-1", "apollo"))).extracting(PlannedNotification::kind)
                .containsExactly(NotificationKind.WAITLIST_ENTRY_EXPIRED);
    }

    @Test
    void historyReadByANewGroupKeepsItsFactsButTellsNobody() {
        AppointmentBooked old = booked("appt-old", AppointmentStatus.CONFIRMED);
        assertThat(planner.plan(new EventEnvelope("event-old", NOW.minus(Duration.ofDays(3)), 0, old), NOW)).isEmpty();

        assertThat(plan(new AppointmentRefunded("appt-old", "apollo", "dr-1", START, "Asia/Kolkata", "pay-1", "rfnd-1")))
                .extracting(PlannedNotification::patientId).containsExactly("patient-1");
    }
}
