package com.illajwala.events.waitlist;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The patient, or the clinic, took the entry off the waitlist; a seat offered to it passes on. */
public record WaitlistEntryWithdrawn(String entryId, String tenantId, By by) implements WaitlistEvent {

    /** Who withdrew it. */
    public enum By {
        @JsonProperty("patient") PATIENT,
        @JsonProperty("clinic") CLINIC
    }
}
