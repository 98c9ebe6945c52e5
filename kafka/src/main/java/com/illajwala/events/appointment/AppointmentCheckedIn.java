package com.illajwala.events.appointment;

import java.time.Instant;

/** The patient arrived (or joined the call) and is waiting to be seen. */
public record AppointmentCheckedIn(String appointmentId, String tenantId, String slotId, String doctorId, Instant start,
                                   String timezone)
        implements AppointmentEvent {
}
