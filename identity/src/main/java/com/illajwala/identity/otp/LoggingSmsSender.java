package com.illajwala.identity.otp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The local-development sender, used only when no SMS provider is configured: it writes each
 * message to the log at INFO, code included, so a developer can sign in from the console. It
 * must never run in production, where that log line would leak sign-in codes.
 */
public final class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);
    private static final int VISIBLE_DIGITS = 4;

    @Override
    public Mono<Void> send(String phoneNumber, String text) {
        return Mono.fromRunnable(() -> log.info("SMS to {}: {}", mask(phoneNumber), text));
    }

    /** Hides every digit but the last four: {@code +919812345678} becomes {@code +********5678}. */
    private static String mask(String phoneNumber) {
        int visibleFrom = Math.max(0, phoneNumber.length() - VISIBLE_DIGITS);
        StringBuilder masked = new StringBuilder(phoneNumber.length());
        for (int index = 0; index < phoneNumber.length(); index++) {
            char character = phoneNumber.charAt(index);
            masked.append(index < visibleFrom && Character.isDigit(character) ? '*' : character);
        }
        return masked.toString();
    }
}
