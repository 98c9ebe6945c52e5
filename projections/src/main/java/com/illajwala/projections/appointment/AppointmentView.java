package com.illajwala.projections.appointment;

import com.illajwala.events.appointment.CancelledBy;
import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.List;

/**
 * An appointment as patients and the clinic read it.
 *
 * @param dependentId the booking patient's dependent it is for, or null when it is for the patient
 * @param checkedInAt when the patient checked in; {@code consultationStartedAt}, {@code completedAt},
 *                    {@code bookedAt}, {@code cancelledAt}, {@code paidAt} and {@code refundedAt} likewise
 * @param amountMinor the online payment asked for, in minor units of {@code currency}; null when paid at the clinic
 */
public record AppointmentView(
        @Id String appointmentId,
        String tenantId,
        String slotId,
        String doctorId,
        String clinicId,
        String patientId,
        String dependentId,
        Instant start,
        Instant end,
        String timezone,
        ConsultationMode mode,
        AppointmentStatus status,
        Instant checkedInAt,
        Instant consultationStartedAt,
        Instant completedAt,
        Instant bookedAt,
        Instant cancelledAt,
        CancelledBy cancelledBy,
        Long amountMinor,
        String currency,
        String paymentId,
        Instant paidAt,
        List<String> refundedPaymentIds,
        Instant refundedAt,
        long version) {

    public static final String COLLECTION = "appointments";

    /** The status as FHIR R4 names it, for EMRs that speak FHIR. */
    @JsonProperty("fhirStatus")
    public String fhirStatus() {
        return status == null ? null : status.fhirCode();
    }
}
