package com.illajwala.booking.appointment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.illajwala.booking.appointment.AppointmentCommands.RecordReminderDue;
import com.illajwala.booking.doctor.ClinicPolicies;
import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentCancelled;
import com.illajwala.events.appointment.AppointmentCompleted;
import com.illajwala.events.appointment.AppointmentConfirmed;
import com.illajwala.events.appointment.AppointmentMarkedNoShow;
import com.illajwala.events.appointment.AppointmentRescheduled;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;

/**
 * One per confirmed appointment: schedules its reminders at its clinic's times (persisted deadlines) and, when they are
 * due, has the appointment record them. A reschedule moves them; a cancellation, no-show or
 * completion cancels them and ends the saga.
 */
@Saga
public class ReminderSaga {

    static final String REMINDER = "appointment-reminder";

    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient ClinicPolicies policies;

    @JsonProperty
    private String appointmentId;
    @JsonProperty
    private Instant start;
    @JsonProperty
    private String clinicId;

    @StartSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentBooked booked, @Timestamp Instant now) {
        appointmentId = booked.appointmentId();
        clinicId = booked.clinicId();
        if (booked.status() != AppointmentStatus.CONFIRMED) {
            SagaLifecycle.end();
            return;
        }
        schedule(booked.start(), now);
    }

    /** A booking paid online gets its reminders once confirmed. */
    @StartSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentConfirmed confirmed, @Timestamp Instant now) {
        appointmentId = confirmed.appointmentId();
        clinicId = confirmed.clinicId();
        schedule(confirmed.start(), now);
    }

    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentRescheduled rescheduled, @Timestamp Instant now) {
        deadlines.cancelAllWithinScope(REMINDER);
        clinicId = rescheduled.clinicId();
        schedule(rescheduled.start(), now);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentCancelled cancelled) {
        deadlines.cancelAllWithinScope(REMINDER);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentMarkedNoShow noShow) {
        deadlines.cancelAllWithinScope(REMINDER);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentCompleted completed) {
        deadlines.cancelAllWithinScope(REMINDER);
    }

    @DeadlineHandler(deadlineName = REMINDER)
    void due(Duration before) {
        commands.sendAndWait(new RecordReminderDue(appointmentId, start, before));
    }

    /** Reminders whose time has already passed (a booking made an hour ahead) are not sent. */
    private void schedule(Instant appointmentStart, Instant now) {
        start = appointmentStart;
        for (Duration before : policies.reminders(clinicId)) {
            Instant due = appointmentStart.minus(before);
            if (due.isAfter(now)) {
                deadlines.schedule(due, REMINDER, before);
            }
        }
    }
}
