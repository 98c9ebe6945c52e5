package com.illajwala.events.appointment;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who called an appointment off. */
public enum CancelledBy {
    @JsonProperty("patient") PATIENT,
    @JsonProperty("clinic") CLINIC,
    /** The platform, e.g. when an online payment did not arrive in time. */
    @JsonProperty("system") SYSTEM
}
