package com.illajwala.events.slot;

/**
 * The doctor's availability no longer includes the slot, but it has bookings: it takes no new ones
 * and its appointments stand until the clinic cancels or moves them.
 */
public record SlotBlocked(String slotId, String tenantId, String doctorId, int seatsBooked) implements SlotEvent {
}
