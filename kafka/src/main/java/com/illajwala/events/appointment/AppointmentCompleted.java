package com.illajwala.events.appointment;

import java.time.Instant;

/** The consultation took place. */
public record AppointmentCompleted(String appointmentId, String tenantId, String slotId, String doctorId, Instant start,
                                   String timezone)
        implements AppointmentEvent {
}
