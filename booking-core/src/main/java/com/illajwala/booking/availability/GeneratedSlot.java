package com.illajwala.booking.availability;

import com.illajwala.events.ConsultationMode;

import java.time.Instant;
import java.util.Set;

/** A slot the rules call for. */
public record GeneratedSlot(Instant start, Instant end, int capacity, Set<ConsultationMode> modes) {
}
