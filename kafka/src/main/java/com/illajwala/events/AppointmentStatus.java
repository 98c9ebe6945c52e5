package com.illajwala.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The status of an appointment, with its FHIR R4 {@code Appointment.status} code. */
public enum AppointmentStatus {
    @JsonProperty("pending") PENDING("pending"),
    @JsonProperty("confirmed") CONFIRMED("booked"),
    @JsonProperty("checked_in") CHECKED_IN("checked-in"),
    /** FHIR's Appointment has no state for a consultation under way (its Encounter would): still checked-in. */
    @JsonProperty("in_consultation") IN_CONSULTATION("checked-in"),
    @JsonProperty("completed") COMPLETED("fulfilled"),
    @JsonProperty("cancelled") CANCELLED("cancelled"),
    @JsonProperty("no_show") NO_SHOW("noshow");

    private final String fhirCode;

    AppointmentStatus(String fhirCode) {
        this.fhirCode = fhirCode;
    }

    /** The FHIR R4 {@code Appointment.status} code. */
    public String fhirCode() {
        return fhirCode;
    }
}
