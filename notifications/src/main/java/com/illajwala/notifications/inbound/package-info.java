/**
 * From events to notifications: the {@code notifications} consumer group reads the appointment,
 * waitlist and schedule topics, {@link com.illajwala.notifications.inbound.NotificationPlanner} decides
 * what each event tells whom, and one delivery row per channel is inserted — once per event, however
 * often it is delivered.
 */
package com.illajwala.notifications.inbound;
