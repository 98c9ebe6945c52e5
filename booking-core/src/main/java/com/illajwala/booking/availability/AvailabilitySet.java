package com.illajwala.booking.availability;

import java.time.Instant;
import java.util.List;

/**
 * A doctor's availability at a clinic changed. Internal to booking-core (not part of the public
 * contract): integrators see its effect as slot events.
 *
 * @param slots   the slots the rules call for now
 * @param removed starts of slots the previous rules called for and these do not
 */
public record AvailabilitySet(String availabilityId, String tenantId, String doctorId, String clinicId,
                              AvailabilityRules rules, List<GeneratedSlot> slots, List<Instant> removed) {
}
