/**
 * Outcome events on {@code illajwala.notification.v1}: the delivery row is its own outbox — deciding
 * an outcome and queueing its event are one update — and the relay publishes what is decided.
 */
package com.illajwala.notifications.outcome;
