package com.illajwala.events.appointment;

import com.illajwala.events.IllajwalaEvent;

import java.time.Instant;

/** Events of the Appointment aggregate. */
public sealed interface AppointmentEvent extends IllajwalaEvent permits AppointmentBooked, AppointmentCancelled, AppointmentCheckedIn, AppointmentConsultationStarted, AppointmentCompleted,
        AppointmentMarkedNoShow, AppointmentRescheduled, AppointmentReminderDue,
        AppointmentPaymentRequested, AppointmentConfirmed, LatePaymentReceived, AppointmentRefunded {

    String appointmentId();

    String doctorId();

    /** When the appointment starts, and the clinic's time zone to show it in. */
    Instant start();

    String timezone();

    @Override
    default String aggregateId() {
        return appointmentId();
    }
}
