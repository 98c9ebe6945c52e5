package com.illajwala.events.appointment;

import com.illajwala.events.Nullable;
import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.Nullable;

import java.time.Instant;

/**
 * An appointment was made in a slot. It carries the slot's facts so consumers need no join.
 *
 * @param patientId   the patient who booked, and who may change or cancel it
 * @param dependentId the patient's dependent the appointment is for (an opaque id), or null when it
 *                    is for the patient themself
 * @param status {@code confirmed}, or {@code pending} while an online payment is outstanding
 */
public record AppointmentBooked(
        String appointmentId,
        String tenantId,
        String slotId,
        String doctorId,
        String clinicId,
        String patientId,
        @Nullable String dependentId,
        Instant start,
        Instant end,
        String timezone,
        ConsultationMode mode,
        AppointmentStatus status) implements AppointmentEvent {
}
