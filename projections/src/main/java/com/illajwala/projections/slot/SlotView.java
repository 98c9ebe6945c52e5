package com.illajwala.projections.slot;

import com.illajwala.events.ConsultationMode;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.Set;

/**
 * A slot as patients browse it. {@code status} is {@code open}, {@code full}, {@code blocked} or
 * {@code withdrawn} as stored; {@link #asSeen()} adds {@code held}.
 */
public record SlotView(
        @Id String slotId,
        String tenantId,
        String doctorId,
        String clinicId,
        Instant start,
        Instant end,
        String timezone,
        String localDate,
        int capacity,
        int seatsBooked,
        int seatsHeld,
        Set<ConsultationMode> modes,
        String status,
        long version) {

    public static final String COLLECTION = "slots";

    /** As patients see it: an open slot whose free seats are all held by patients checking out is {@code held}. */
    public SlotView asSeen() {
        boolean held = "open".equals(status) && seatsHeld > 0 && seatsBooked + seatsHeld >= capacity;
        return held ? new SlotView(slotId, tenantId, doctorId, clinicId, start, end, timezone, localDate, capacity, seatsBooked,
                seatsHeld, modes, "held", version) : this;
    }
}
