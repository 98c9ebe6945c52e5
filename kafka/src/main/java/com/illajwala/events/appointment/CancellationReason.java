package com.illajwala.events.appointment;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why an appointment was called off, as a category: free text could carry medical details, and
 * events never do.
 */
public enum CancellationReason {
    @JsonProperty("patient_request") PATIENT_REQUEST,
    @JsonProperty("doctor_unavailable") DOCTOR_UNAVAILABLE,
    @JsonProperty("clinic_closed") CLINIC_CLOSED,
    @JsonProperty("duplicate") DUPLICATE,
    @JsonProperty("payment_not_received") PAYMENT_NOT_RECEIVED,
    @JsonProperty("other") OTHER
}
