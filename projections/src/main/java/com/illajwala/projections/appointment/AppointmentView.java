package com.illajwala.projections.appointment;

import com.illajwala.events.appointment.CancelledBy;
import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.data.annotation.Id;
import org.springframework.lang.Nullable;

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
        @Nullable String dependentId,
        Instant start,
        Instant end,
        String timezone,
        ConsultationMode mode,
        AppointmentStatus status,
        @Nullable Instant checkedInAt,
        @Nullable Instant consultationStartedAt,
        @Nullable Instant completedAt,
        Instant bookedAt,
        @Nullable Instant cancelledAt,
        @Nullable CancelledBy cancelledBy,
        @Nullable Long amountMinor,
        @Nullable String currency,
        @Nullable String paymentId,
        @Nullable Instant paidAt,
        @Nullable List<String> refundedPaymentIds,
        @Nullable Instant refundedAt,
        long version) {

    public static final String COLLECTION = "appointments";

    /** The status as FHIR R4 names it, for EMRs that speak FHIR. */
    @JsonProperty("fhirStatus")
    public String fhirStatus() {
        return status == null ? null : status.fhirCode();
    }
}
