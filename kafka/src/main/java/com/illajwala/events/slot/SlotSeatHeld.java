package com.illajwala.events.slot;

import com.illajwala.events.Nullable;

import java.time.Instant;

/**
 * A seat is held for one patient during checkout: nobody else can take it until the hold is used,
 * released or expires.
 *
 * @param expiresAt when the hold ends; null only in the answer to a patient holding again a seat
 *                  they hold already (nothing is recorded then)
 */
public record SlotSeatHeld(String slotId, String tenantId, String doctorId, Instant start, String holdId,
                           String patientId, @Nullable Instant expiresAt) implements SlotEvent {
}
