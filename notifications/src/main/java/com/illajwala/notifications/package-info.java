/**
 * Notifications: the Kafka consumer that fans booking events out to email, SMS and WhatsApp,
 * idempotent per (event id, channel). Built by the notifications issue.
 */
package com.illajwala.notifications;
