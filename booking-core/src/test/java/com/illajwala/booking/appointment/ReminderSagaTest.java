package com.illajwala.booking.appointment;

import com.illajwala.booking.appointment.AppointmentCommands.RecordReminderDue;
import com.illajwala.booking.doctor.ClinicPolicies;
import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentCancelled;
import com.illajwala.events.appointment.AppointmentRescheduled;
import com.illajwala.events.appointment.CancellationReason;
import com.illajwala.events.appointment.CancelledBy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

class ReminderSagaTest {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    private SagaTestFixture<ReminderSaga> fixture;
    private Instant start;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ReminderSaga.class);
        fixture.registerResource(new ClinicPolicies() {
            @Override
            public Duration cancellationNotice(String clinicId) {
                return TWO_HOURS;
            }

            @Override
            public List<Duration> reminders(String clinicId) {
                return "clinic-1".equals(clinicId) ? List.of(DAY, TWO_HOURS) : List.of();
            }
        });
        fixture.registerCommandGateway(CommandGateway.class);
        start = fixture.currentTime().plus(Duration.ofDays(3));
    }

    private AppointmentBooked booked(AppointmentStatus status, Instant at) {
        return new AppointmentBooked("appt-1", "apollo", "slot-1", "dr-1", "clinic-1", "patient-1", null, at,
                at.plus(Duration.ofMinutes(30)), "Asia/Kolkata", ConsultationMode.CLINIC, status);
    }

    @Test
    void aConfirmedAppointmentGetsRemindersADayAndTwoHoursBefore() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(booked(AppointmentStatus.CONFIRMED, start))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(start.minus(DAY), ReminderSaga.REMINDER)
                .expectScheduledDeadlineWithName(start.minus(TWO_HOURS), ReminderSaga.REMINDER);
    }

    @Test
    void aDueReminderHasTheAppointmentRecordIt() {
        fixture.givenAPublished(booked(AppointmentStatus.CONFIRMED, start))
                .whenTimeAdvancesTo(start.minus(DAY))
                .expectDeadlinesMet(DAY)
                .expectDispatchedCommands(new RecordReminderDue("appt-1", start, DAY));
    }

    @Test
    void remindersAlreadyInThePastAreNotScheduled() {
        Instant soon = fixture.currentTime().plus(Duration.ofHours(1));
        fixture.givenNoPriorActivity()
                .whenPublishingA(booked(AppointmentStatus.CONFIRMED, soon))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aCancellationCancelsTheRemindersAndEndsTheSaga() {
        fixture.givenAPublished(booked(AppointmentStatus.CONFIRMED, start))
                .whenPublishingA(new AppointmentCancelled("appt-1", "apollo", "slot-1", "dr-1", "patient-1", start,
                        "Asia/Kolkata", CancelledBy.PATIENT, CancellationReason.PATIENT_REQUEST, null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aRescheduleMovesTheReminders() {
        Instant later = start.plus(Duration.ofDays(2));
        fixture.givenAPublished(booked(AppointmentStatus.CONFIRMED, start))
                .whenPublishingA(new AppointmentRescheduled("appt-1", "apollo", "patient-1", "slot-1", "slot-2", "dr-1",
                        "clinic-1", later, later.plus(Duration.ofMinutes(30)), "Asia/Kolkata"))
                .expectScheduledDeadlineWithName(later.minus(DAY), ReminderSaga.REMINDER)
                .expectScheduledDeadlineWithName(later.minus(TWO_HOURS), ReminderSaga.REMINDER)
                .expectNoScheduledDeadlineWithName(start.minus(DAY), ReminderSaga.REMINDER);
    }

    @Test
    void aPendingAppointmentGetsNoRemindersYet() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(booked(AppointmentStatus.PENDING, start))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
