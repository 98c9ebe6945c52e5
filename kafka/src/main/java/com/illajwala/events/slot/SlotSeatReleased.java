package com.illajwala.events.slot;

/**
 * A seat of a slot was given back by a cancelled or missed appointment.
 *
 * @param seatsBooked seats taken after the release
 */
public record SlotSeatReleased(String slotId, String tenantId, String appointmentId, int seatsBooked, int capacity)
        implements SlotEvent {
}
