package com.illajwala.notifications.delivery;

import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.events.notification.NotificationKind;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** One delivery row: one message of one kind on one channel, caused by one event. */
public record Notification(String notificationId, String eventId, String subjectId, NotificationChannel channel,
                           NotificationKind kind, String tenantId, String patientId, String appointmentId,
                           String waitlistEntryId, String doctorId, String clinicId, Instant startsAt, Instant endsAt,
                           String timezone, Map<String, Object> details, String idempotencyKey, Instant createdAt,
                           int attempts, Status status, String reason, Instant decidedAt) {

    /** Pending until one final outcome. */
    public enum Status {
        PENDING, SENT, SKIPPED, CAPPED, FAILED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
