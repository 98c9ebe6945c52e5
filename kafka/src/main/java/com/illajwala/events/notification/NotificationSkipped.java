package com.illajwala.events.notification;

import com.illajwala.events.Nullable;

import java.time.Instant;

/**
 * Not sent, by design.
 *
 * @param reason {@code opted_out} (the patient does not want this channel), {@code no_contact} (no address or
 *               number for it) or {@code moot} (the message came too late to matter, e.g. a reminder after the start)
 */
public record NotificationSkipped(String notificationId, String tenantId, String sourceEventId, @Nullable String appointmentId,
        @Nullable String waitlistEntryId, String patientId, NotificationChannel channel, NotificationKind kind, Instant at, String reason)
        implements NotificationEvent {
}
