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
import java.util.ArrayList;
import java.util.List;

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
    /** The scheduled reminders' ids; absent in a saga stored before they were kept. */
    @JsonProperty
    private List<String> reminderIds;

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
        cancelReminders();
        clinicId = rescheduled.clinicId();
        schedule(rescheduled.start(), now);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentCancelled cancelled) {
        cancelReminders();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentMarkedNoShow noShow) {
        cancelReminders();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "appointmentId")
    void on(AppointmentCompleted completed) {
        cancelReminders();
    }

    @DeadlineHandler(deadlineName = REMINDER)
    void due(Duration before) {
        commands.sendAndWait(new RecordReminderDue(appointmentId, start, before));
    }

    /** Reminders whose time has already passed (a booking made an hour ahead) are not sent. */
    private void schedule(Instant appointmentStart, Instant now) {
        start = appointmentStart;
        reminderIds = new ArrayList<>();
        for (Duration before : policies.reminders(clinicId)) {
            Instant due = appointmentStart.minus(before);
            if (due.isAfter(now)) {
                reminderIds.add(deadlines.schedule(due, REMINDER, before));
            }
        }
    }

    /**
     * By id: cancelling all within the saga's scope reads back every deadline scheduled on the
     * platform to find this saga's, so each cancellation cost more the more appointments were ahead.
     */
    private void cancelReminders() {
        if (reminderIds == null) {
            deadlines.cancelAllWithinScope(REMINDER);
        } else {
            reminderIds.forEach(id -> deadlines.cancelSchedule(REMINDER, id));
        }
        reminderIds = List.of();
    }
}
