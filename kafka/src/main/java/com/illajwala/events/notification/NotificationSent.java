package com.illajwala.events.notification;

import com.illajwala.events.Nullable;

import java.time.Instant;

/**
 * The provider accepted the message.
 */
public record NotificationSent(String notificationId, String tenantId, String sourceEventId, @Nullable String appointmentId,
        @Nullable String waitlistEntryId, String patientId, NotificationChannel channel, NotificationKind kind, Instant at)
        implements NotificationEvent {
}
