package com.illajwala.notifications.inbound;

import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.events.notification.NotificationKind;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What one event tells one patient about one appointment or waitlist entry; it becomes one delivery
 * row per channel.
 *
 * @param subjectId     the appointment's or the entry's id
 * @param sharedByOthers whether the event tells other patients too (a doctor running late), so that
 *                      identities name the subject as well as the event
 * @param details       what the kind adds (reminder hours, minutes late, offer expiry, calendar sequence)
 */
public record PlannedNotification(String eventId, NotificationKind kind, String subjectId, boolean sharedByOthers,
                                  String tenantId, String patientId, String appointmentId, String waitlistEntryId,
                                  String doctorId, String clinicId, Instant startsAt, Instant endsAt, String timezone,
                                  Map<String, Object> details) {

    /** The same for every delivery of the same event: a redelivered event finds its rows already there. */
    public String notificationId(NotificationChannel channel) {
        return UUID.nameUUIDFromBytes((eventId + "|" + subjectId + "|" + channel.code()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** {@code {eventId}:{channel}}, with the subject when the event tells several patients. */
    public String idempotencyKey(NotificationChannel channel) {
        return eventId + (sharedByOthers ? "/" + subjectId : "") + ":" + channel.code();
    }
}
