package com.illajwala.events.slot;

/**
 * A seat of a slot was taken by an appointment.
 *
 * @param seatsBooked seats taken after this booking; the slot is full when it equals capacity
 */
public record SlotSeatBooked(
        String slotId,
        String tenantId,
        String appointmentId,
        int seatsBooked,
        int capacity) implements SlotEvent {
}
