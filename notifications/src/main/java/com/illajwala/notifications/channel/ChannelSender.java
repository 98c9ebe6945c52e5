package com.illajwala.notifications.channel;

import com.illajwala.events.notification.NotificationChannel;
import reactor.core.publisher.Mono;

/**
 * Hands a message to one channel's provider. Completes with the provider's reference for the message
 * once it accepted it; fails with {@link ProviderRejection} when the provider refuses this message
 * for good, and with anything else when it could not be reached or failed (worth another attempt).
 */
public interface ChannelSender {

    NotificationChannel channel();

    Mono<String> send(OutgoingMessage message);
}
