package com.illajwala.events.waitlist;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalTime;

/** Parts of the day in the clinic's local time: morning before 12:00, afternoon until 17:00, evening after. */
public enum TimeOfDay {
    @JsonProperty("morning") MORNING,
    @JsonProperty("afternoon") AFTERNOON,
    @JsonProperty("evening") EVENING;

    public static TimeOfDay of(LocalTime time) {
        if (time.isBefore(LocalTime.NOON)) {
            return MORNING;
        }
        return time.isBefore(LocalTime.of(17, 0)) ? AFTERNOON : EVENING;
    }
}
