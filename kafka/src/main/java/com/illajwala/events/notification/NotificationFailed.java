package com.illajwala.events.notification;

import com.illajwala.events.Nullable;

import java.time.Instant;

/**
 * Not sent, finally: the provider refused the message, or kept failing until it was moot.
 *
 * @param reason {@code rejected} (the provider refused it) or {@code gave_up} (it kept failing)
 */
public record NotificationFailed(String notificationId, String tenantId, String sourceEventId, @Nullable String appointmentId,
        @Nullable String waitlistEntryId, String patientId, NotificationChannel channel, NotificationKind kind, Instant at, String reason)
        implements NotificationEvent {
}
