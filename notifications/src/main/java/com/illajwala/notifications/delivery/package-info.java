/**
 * Sending: the delivery rows ({@link com.illajwala.notifications.delivery.Deliveries}), claimed by
 * every instance's {@link com.illajwala.notifications.delivery.DeliveryWorker} with {@code FOR UPDATE
 * SKIP LOCKED}, decided (opted out, no address, moot, over the daily cap) or sent, and retried with
 * back-off while a provider fails.
 */
package com.illajwala.notifications.delivery;
