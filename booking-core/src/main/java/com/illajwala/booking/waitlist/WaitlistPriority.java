package com.illajwala.booking.waitlist;

import com.illajwala.events.ConsultationMode;
import com.illajwala.events.identity.WaitlistPolicy;
import com.illajwala.events.waitlist.TimeOfDay;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/** The order in which a clinic's waitlist policy offers seats: highest score first, then whoever joined first. */
public final class WaitlistPriority {

    private static final Duration FULL_WAIT = Duration.ofDays(7);
    private static final int FULL_WINDOW_DAYS = 14;

    private WaitlistPriority() {
    }

    public static double score(QueuedEntry entry, WaitlistPolicy policy, Instant now) {
        double waited = Math.min(1.0, Math.max(0, Duration.between(entry.joinedAt(), now).toSeconds())
                / (double) FULL_WAIT.toSeconds());
        return policy.urgencyWeight() * (entry.urgent() ? 1.0 : 0.0)
                + policy.waitingTimeWeight() * waited
                + policy.flexibilityWeight() * flexibility(entry);
    }

    /** From 0 to 1: the mean of the window's length (up to 14 days) and its shares of the day's parts and the modes. */
    public static double flexibility(QueuedEntry entry) {
        long days = ChronoUnit.DAYS.between(entry.from(), entry.to()) + 1;
        return (Math.min(days, FULL_WINDOW_DAYS) / (double) FULL_WINDOW_DAYS
                + entry.timesOfDay().size() / (double) TimeOfDay.values().length
                + entry.modes().size() / (double) ConsultationMode.values().length) / 3;
    }

    /** First offered first. */
    public static Comparator<QueuedEntry> order(WaitlistPolicy policy, Instant now) {
        return Comparator.comparingDouble((QueuedEntry entry) -> -score(entry, policy, now))
                .thenComparing(QueuedEntry::joinedAt)
                .thenComparing(QueuedEntry::entryId);
    }
}
