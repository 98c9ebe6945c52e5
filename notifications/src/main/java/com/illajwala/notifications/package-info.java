/**
 * Notifications: the {@code notifications} consumer group turns appointment, waitlist and schedule
 * events into delivery rows in PostgreSQL (once per event and channel, however often the event
 * arrives); every instance's sender claims due rows and sends them by email (SMTP, with a calendar
 * invitation), SMS or WhatsApp, through providers guarded by resilience4j; each final outcome is
 * published to {@code illajwala.notification.v1}. Wired by {@link
 * com.illajwala.notifications.NotificationsConfiguration}.
 */
package com.illajwala.notifications;
