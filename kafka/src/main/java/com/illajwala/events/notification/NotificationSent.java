package com.illajwala.events.notification;

import java.time.Instant;

/**
 * The provider accepted the message.
 */
public record NotificationSent(String notificationId, String tenantId, String sourceEventId, String appointmentId,
        String waitlistEntryId, String patientId, NotificationChannel channel, NotificationKind kind, Instant at)
        implements NotificationEvent {
}
