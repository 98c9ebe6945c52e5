package com.illajwala.notifications.delivery;

import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.events.notification.NotificationKind;
import com.illajwala.notifications.NotificationSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final DeliveryPolicy policy = new DeliveryPolicy(
            new NotificationSettings.Retry(Duration.ofSeconds(2), Duration.ofMinutes(3), Duration.ofHours(24)), new Random(7));

    private static Notification notification(NotificationKind kind, Instant startsAt, Map<String, Object> details, Instant createdAt) {
        return new Notification("n-1", "event-1", "appt-1", NotificationChannel.SMS, kind, "apollo", "patient-1", "appt-1",
                null, "dr-1", "clinic-1", startsAt, null, "Asia/Kolkata", details, "event-1:sms", createdAt, 0,
                Notification.Status.PENDING, null, null);
    }

    @Test
    void backsOffExponentiallyWithJitterUpToTheLongestWait() {
        for (int attempts = 1; attempts <= 40; attempts++) {
            long base = Math.min(Duration.ofMinutes(3).toMillis(), 2000L << Math.min(30, attempts - 1));
            assertThat(policy.backoff(attempts).toMillis()).isBetween(base / 2, base);
        }
        assertThat(policy.backoff(1)).isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(100)).isLessThanOrEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void aMessageAboutAnAppointmentThatHasStartedOrAnOfferThatEndedIsMoot() {
        assertThat(policy.isMoot(notification(NotificationKind.APPOINTMENT_REMINDER, NOW.minusSeconds(1), Map.of(), NOW), NOW)).isTrue();
        assertThat(policy.isMoot(notification(NotificationKind.APPOINTMENT_REMINDER, NOW.plusSeconds(60), Map.of(), NOW), NOW)).isFalse();
        assertThat(policy.isMoot(notification(NotificationKind.APPOINTMENT_CANCELLED, NOW.minusSeconds(60), Map.of(), NOW), NOW)).isFalse();
        assertThat(policy.isMoot(notification(NotificationKind.WAITLIST_OFFER, NOW.plusSeconds(600),
                Map.of("offerExpiresAt", NOW.minusSeconds(1).toString()), NOW), NOW)).isTrue();
    }

    @Test
    void givesUpOnlyAfterTheConfiguredTime() {
        assertThat(policy.hasGivenUp(notification(NotificationKind.REFUND_ISSUED, null, Map.of(), NOW.minus(Duration.ofHours(23))), NOW)).isFalse();
        assertThat(policy.hasGivenUp(notification(NotificationKind.REFUND_ISSUED, null, Map.of(), NOW.minus(Duration.ofHours(25))), NOW)).isTrue();
    }
}
