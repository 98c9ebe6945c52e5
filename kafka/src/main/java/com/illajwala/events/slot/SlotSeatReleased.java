package com.illajwala.events.slot;

/**
 * A seat of a slot was given back by a cancelled or missed appointment.
 *
 * @param seatsBooked seats taken after the release
 * @param bookable    false when the slot is blocked: the seat is free, but not for new bookings
 */
public record SlotSeatReleased(String slotId, String tenantId, String appointmentId, int seatsBooked, int capacity,
                               boolean bookable) implements SlotEvent {
}
