package com.illajwala.booking.availability;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A doctor's availability at one clinic: weekly sessions, leave days when there are none, and
 * one-off extra sessions, all in the clinic's time zone.
 *
 * @param minimumNotice  no slot starts sooner than this after now
 * @param maximumAdvance no slot starts later than this after now: the rolling horizon
 */
public record AvailabilityRules(
        String timezone,
        Map<DayOfWeek, List<Session>> weekly,
        Set<LocalDate> leaveDays,
        Map<LocalDate, List<Session>> extraSessions,
        Duration minimumNotice,
        Duration maximumAdvance) {

    /** The same rules with no minimum notice: every slot they call for from now on. */
    AvailabilityRules withoutNotice() {
        return new AvailabilityRules(timezone, weekly, leaveDays, extraSessions, Duration.ZERO, maximumAdvance);
    }
}
