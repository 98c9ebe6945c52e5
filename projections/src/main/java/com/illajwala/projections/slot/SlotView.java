package com.illajwala.projections.slot;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.illajwala.events.ConsultationMode;
import org.springframework.data.annotation.Id;
import org.springframework.lang.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A slot as patients browse it. {@code status} is {@code open}, {@code full}, {@code blocked} or
 * {@code withdrawn} as stored; {@link #asSeen()} adds {@code held}.
 *
 * @param scheduleId  the FHIR {@code Schedule} the slot belongs to: its doctor at its clinic ({@link #scheduleIdOf})
 * @param lastUpdated when the last event applied to it was committed (its CloudEvent time, so a
 *                    rebuild gives the same); null in documents written before it was kept
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
        @JsonIgnore String scheduleId,
        @JsonIgnore @Nullable Instant lastUpdated,
        long version) {

    public static final String COLLECTION = "slots";

    /** A doctor's schedule at a clinic: a name-based UUID, as FHIR ids are at most 64 characters. */
    public static String scheduleIdOf(String doctorId, String clinicId) {
        return UUID.nameUUIDFromBytes(("schedule:" + doctorId + ":" + clinicId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** As patients see it: an open slot whose free seats are all held by patients checking out is {@code held}. */
    public SlotView asSeen() {
        boolean held = "open".equals(status) && seatsHeld > 0 && seatsBooked + seatsHeld >= capacity;
        return held ? new SlotView(slotId, tenantId, doctorId, clinicId, start, end, timezone, localDate, capacity, seatsBooked,
                seatsHeld, modes, "held", scheduleId, lastUpdated, version) : this;
    }
}
