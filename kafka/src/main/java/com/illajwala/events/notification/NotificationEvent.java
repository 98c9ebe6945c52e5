package com.illajwala.events.notification;

import com.illajwala.events.IllajwalaEvent;

import java.time.Instant;

/**
 * The final outcome of one notification: one message of one kind on one channel, caused by one
 * event. Public facts only — never an address, a phone number or the message's text.
 */
public sealed interface NotificationEvent extends IllajwalaEvent
        permits NotificationSent, NotificationSkipped, NotificationCapped, NotificationFailed {

    String notificationId();

    /** The {@code ce_id} of the event that called for the notification. */
    String sourceEventId();

    /** The appointment it is about, or null for a waitlist entry's. */
    String appointmentId();

    /** The waitlist entry it is about, or null for an appointment's. */
    String waitlistEntryId();

    String patientId();

    NotificationChannel channel();

    NotificationKind kind();

    /** When the outcome was decided. */
    Instant at();

    @Override
    default String aggregateId() {
        return notificationId();
    }
}
