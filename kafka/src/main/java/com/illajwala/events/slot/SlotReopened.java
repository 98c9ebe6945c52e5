package com.illajwala.events.slot;

/** A withdrawn or blocked slot is part of the doctor's availability again. */
public record SlotReopened(String slotId, String tenantId, String doctorId, int seatsBooked, int capacity)
        implements SlotEvent {
}
