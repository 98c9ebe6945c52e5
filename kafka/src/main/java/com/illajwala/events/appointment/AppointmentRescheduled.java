package com.illajwala.events.appointment;

import java.time.Instant;

/**
 * The appointment moved to another slot: the new seat was taken and the old one released in the
 * same transaction. Doctor, clinic and times are the new slot's.
 */
public record AppointmentRescheduled(String appointmentId, String tenantId, String patientId, String fromSlotId,
                                     String slotId, String doctorId, String clinicId, Instant start, Instant end,
                                     String timezone) implements AppointmentEvent {
}
