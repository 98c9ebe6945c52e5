package com.illajwala.notifications.channel;

import com.illajwala.events.notification.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The local-development provider of a channel that is not configured: writes each message to the
 * log, the address masked, so a developer sees what patients would get. Not for production, where
 * the log would hold messages meant for patients.
 */
public final class LoggingSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSender.class);

    private final NotificationChannel channel;

    public LoggingSender(NotificationChannel channel) {
        this.channel = channel;
    }

    @Override
    public NotificationChannel channel() {
        return channel;
    }

    @Override
    public Mono<String> send(OutgoingMessage message) {
        return Mono.fromCallable(() -> {
            log.info("{} to {} [{}]{}\n{}{}", channel.code(), mask(message.to()), message.idempotencyKey(),
                    message.subject() == null ? "" : " " + message.subject(), message.body(),
                    message.calendar() == null ? "" : "\n(with a calendar invitation, " + message.calendar().method() + ")");
            return "console:" + message.idempotencyKey();
        });
    }

    /** Keeps the first character and the domain of an address, the last four digits of a number. */
    static String mask(String address) {
        int at = address.indexOf('@');
        if (at > 0) {
            return address.charAt(0) + "***" + address.substring(at);
        }
        int visibleFrom = Math.max(0, address.length() - 4);
        StringBuilder masked = new StringBuilder(address.length());
        for (int index = 0; index < address.length(); index++) {
            char character = address.charAt(index);
            masked.append(index < visibleFrom && Character.isDigit(character) ? '*' : character);
        }
        return masked.toString();
    }
}
