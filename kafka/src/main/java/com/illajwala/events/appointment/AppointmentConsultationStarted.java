package com.illajwala.events.appointment;

import java.time.Instant;

/** The doctor began seeing the checked-in patient. */
public record AppointmentConsultationStarted(String appointmentId, String tenantId, String slotId, String doctorId,
                                             Instant start, String timezone)
        implements AppointmentEvent {
}
