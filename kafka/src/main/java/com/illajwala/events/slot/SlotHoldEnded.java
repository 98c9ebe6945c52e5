package com.illajwala.events.slot;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A hold is over: used by the patient's booking, or expired or given up and the seat free again. */
public record SlotHoldEnded(String slotId, String tenantId, String doctorId, String holdId, Outcome outcome)
        implements SlotEvent {

    /** How the hold ended. */
    public enum Outcome {
        @JsonProperty("booked") BOOKED,
        @JsonProperty("expired") EXPIRED,
        @JsonProperty("released") RELEASED
    }
}
