package com.illajwala.events.appointment;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who called an appointment off. */
public enum CancelledBy {
    @JsonProperty("patient") PATIENT,
    @JsonProperty("clinic") CLINIC
}
