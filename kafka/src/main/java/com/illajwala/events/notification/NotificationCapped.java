package com.illajwala.events.notification;

import com.illajwala.events.Nullable;

import java.time.Instant;

/**
 * Not sent: the patient had reached the day's cap of messages on this channel.
 */
public record NotificationCapped(String notificationId, String tenantId, String sourceEventId, @Nullable String appointmentId,
        @Nullable String waitlistEntryId, String patientId, NotificationChannel channel, NotificationKind kind, Instant at)
        implements NotificationEvent {
}
