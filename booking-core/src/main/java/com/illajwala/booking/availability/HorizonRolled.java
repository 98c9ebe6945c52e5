package com.illajwala.booking.availability;

import java.time.Instant;
import java.util.List;

/**
 * A doctor's rolling horizon moved forward to {@code at}. Internal to booking-core, like
 * {@link AvailabilitySet}: integrators see the new slots as slot events.
 *
 * @param slots the slots the rules call for that entered the horizon
 */
public record HorizonRolled(String availabilityId, Instant at, List<GeneratedSlot> slots) {
}
