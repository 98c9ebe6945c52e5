package com.illajwala.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The status of an appointment; see ARCHITECTURE.md for the FHIR R4 mapping. */
public enum AppointmentStatus {
    @JsonProperty("pending") PENDING,
    @JsonProperty("confirmed") CONFIRMED,
    @JsonProperty("checked_in") CHECKED_IN,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("cancelled") CANCELLED,
    @JsonProperty("no_show") NO_SHOW
}
