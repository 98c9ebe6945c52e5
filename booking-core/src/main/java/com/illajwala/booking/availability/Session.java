package com.illajwala.booking.availability;

import com.illajwala.events.ConsultationMode;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * One stretch of consulting hours in clinic-local time, cut into slots: {@code slotLength} each,
 * {@code buffer} between them, none overlapping a break.
 *
 * @param capacity seats per slot (more than one for group sessions)
 */
public record Session(LocalTime start, LocalTime end, List<Break> breaks, Duration slotLength, Duration buffer,
                      int capacity, Set<ConsultationMode> modes) {

    /** A pause inside a session, in clinic-local time. */
    public record Break(LocalTime start, LocalTime end) {

        boolean overlaps(int fromMinute, int toMinute) {
            return fromMinute < minuteOfDay(end) && minuteOfDay(start) < toMinute;
        }
    }

    static int minuteOfDay(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }
}
