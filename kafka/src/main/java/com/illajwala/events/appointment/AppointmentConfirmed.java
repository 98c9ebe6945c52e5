package com.illajwala.events.appointment;

import com.illajwala.events.Nullable;

import java.time.Instant;

/** A pending appointment was paid for and is confirmed. */
public record AppointmentConfirmed(String appointmentId, String tenantId, String patientId, String doctorId,
                                   String clinicId, Instant start, String timezone, @Nullable String paymentId)
        implements AppointmentEvent {
}
