package com.illajwala.events.appointment;

import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;

import java.time.Instant;

/**
 * An appointment was made in a slot. It carries the slot's facts so consumers need no join.
 *
 * @param status {@code confirmed}, or {@code pending} while an online payment is outstanding
 */
public record AppointmentBooked(
        String appointmentId,
        String tenantId,
        String slotId,
        String doctorId,
        String clinicId,
        String patientId,
        Instant start,
        Instant end,
        String timezone,
        ConsultationMode mode,
        AppointmentStatus status) implements AppointmentEvent {
}
