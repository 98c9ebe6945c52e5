package com.illajwala.events.appointment;

import java.time.Duration;
import java.time.Instant;

/**
 * A confirmed appointment is {@code before} away: time to remind the patient. Notifications sends
 * it; contact details are looked up there, never carried here.
 */
public record AppointmentReminderDue(String appointmentId, String tenantId, String patientId, String doctorId,
                                     String clinicId, Instant start, String timezone, Duration before)
        implements AppointmentEvent {
}
