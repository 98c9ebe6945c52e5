package com.illajwala.events.slot;

/** The doctor's availability no longer includes the slot, and nobody had booked it: it is gone. */
public record SlotWithdrawn(String slotId, String tenantId, String doctorId) implements SlotEvent {
}
