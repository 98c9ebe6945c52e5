package com.illajwala.events.slot;

import com.illajwala.events.ConsultationMode;

import java.time.Instant;
import java.util.Set;

/**
 * A slot became bookable.
 *
 * @param timezone the clinic's IANA time zone, so consumers can show local times
 * @param capacity seats in the slot (more than one for group sessions)
 */
public record SlotPublished(
        String slotId,
        String tenantId,
        String doctorId,
        String clinicId,
        Instant start,
        Instant end,
        String timezone,
        int capacity,
        Set<ConsultationMode> modes) implements SlotEvent {
}
