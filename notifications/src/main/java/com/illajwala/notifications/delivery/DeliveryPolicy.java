package com.illajwala.notifications.delivery;

import com.illajwala.events.notification.NotificationKind;
import com.illajwala.notifications.NotificationSettings;
import com.illajwala.notifications.inbound.NotificationPlanner;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/** When a message is too late to matter, when to try again, and when to stop (plain Java). */
public final class DeliveryPolicy {

    /** Messages about an appointment still to come: pointless once it has started. */
    private static final Set<NotificationKind> ABOUT_WHAT_IS_TO_COME = EnumSet.of(NotificationKind.APPOINTMENT_CONFIRMED,
            NotificationKind.PAYMENT_RECEIVED, NotificationKind.APPOINTMENT_RESCHEDULED, NotificationKind.APPOINTMENT_REMINDER,
            NotificationKind.DOCTOR_RUNNING_LATE);

    private final NotificationSettings.Retry retry;
    private final RandomGenerator random;

    public DeliveryPolicy(NotificationSettings.Retry retry, RandomGenerator random) {
        this.retry = retry;
        this.random = random;
    }

    /** Too late to matter: the appointment has started, or the offered seat is no longer held. */
    public boolean isMoot(Notification notification, Instant now) {
        if (ABOUT_WHAT_IS_TO_COME.contains(notification.kind())) {
            return notification.startsAt() != null && !notification.startsAt().isAfter(now);
        }
        if (notification.kind() == NotificationKind.WAITLIST_OFFER) {
            Object expiresAt = notification.details().get(NotificationPlanner.OFFER_EXPIRES_AT);
            return expiresAt != null && !Instant.parse(expiresAt.toString()).isAfter(now);
        }
        return false;
    }

    /** Still failing this long after it was due: recorded as failed rather than tried for ever. */
    public boolean hasGivenUp(Notification notification, Instant now) {
        return notification.createdAt().plus(retry.giveUpAfter()).isBefore(now);
    }

    /**
     * The wait before attempt {@code attempts + 1}: the first back-off doubled per attempt made, at most
     * the longest, of which a random half ("equal jitter"), so retries after an outage do not come all at once.
     */
    public Duration backoff(int attempts) {
        long first = retry.firstBackoff().toMillis();
        long longest = retry.maxBackoff().toMillis();
        long base = attempts >= 31 ? longest : Math.min(longest, first << Math.max(0, attempts - 1));
        long half = Math.max(1, base / 2);
        return Duration.ofMillis(half + random.nextLong(half + 1));
    }
}
