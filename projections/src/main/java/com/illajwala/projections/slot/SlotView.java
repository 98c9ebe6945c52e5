package com.illajwala.projections.slot;

import com.illajwala.events.ConsultationMode;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.Set;

/** A slot as patients browse it. {@code status} is {@code open}, {@code full}, {@code blocked} or {@code withdrawn}. */
public record SlotView(
        @Id String slotId,
        String tenantId,
        String doctorId,
        String clinicId,
        Instant start,
        Instant end,
        String timezone,
        int capacity,
        int seatsBooked,
        Set<ConsultationMode> modes,
        String status,
        long version) {

    public static final String COLLECTION = "slots";
}
