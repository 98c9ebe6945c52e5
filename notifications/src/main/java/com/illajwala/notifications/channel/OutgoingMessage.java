package com.illajwala.notifications.channel;

import com.illajwala.events.notification.NotificationChannel;

/**
 * One message as a provider takes it.
 *
 * @param to             an email address, or a phone number in E.164 ({@code +919800000001})
 * @param subject        the email's subject (other channels have none)
 * @param calendar       an iCalendar invitation to attach (email only), or null
 * @param idempotencyKey {@code {eventId}:{channel}}: the same message carries the same key on every
 *                       attempt, for providers that deduplicate by one
 */
public record OutgoingMessage(NotificationChannel channel, String to, String recipientName, String subject,
                              String body, CalendarAttachment calendar, String idempotencyKey) {

    /** An iCalendar object and its iTIP method ({@code REQUEST} or {@code CANCEL}). */
    public record CalendarAttachment(String method, String content) {
    }
}
