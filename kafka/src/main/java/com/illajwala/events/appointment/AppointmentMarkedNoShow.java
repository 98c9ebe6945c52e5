package com.illajwala.events.appointment;

import java.time.Instant;

/** The patient did not come; the seat is released for anyone who still can. */
public record AppointmentMarkedNoShow(String appointmentId, String tenantId, String slotId, String doctorId,
                                      String patientId, Instant start, String timezone) implements AppointmentEvent {
}
