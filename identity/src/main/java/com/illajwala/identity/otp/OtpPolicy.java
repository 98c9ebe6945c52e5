package com.illajwala.identity.otp;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a code lives, how many wrong tries it survives, and how often a phone may be sent one.
 *
 * @param codeLifetime      how long a sent code can be used
 * @param maxAttempts       wrong tries after which the code is discarded
 * @param maxSendsPerWindow codes a phone may be sent within {@code sendWindow}
 * @param sendWindow        the window that {@code maxSendsPerWindow} counts in
 * @param resendInterval    the least time between two codes for one phone
 */
public record OtpPolicy(Duration codeLifetime, int maxAttempts, int maxSendsPerWindow, Duration sendWindow,
                        Duration resendInterval) {

    public OtpPolicy {
        requirePositive(codeLifetime, "codeLifetime");
        requirePositive(sendWindow, "sendWindow");
        requirePositive(resendInterval, "resendInterval");
        if (maxAttempts < 1 || maxSendsPerWindow < 1) {
            throw new IllegalArgumentException("maxAttempts and maxSendsPerWindow must be at least 1");
        }
    }

    /** Five-minute codes, five tries, at most three codes per fifteen minutes and one per thirty seconds. */
    public static OtpPolicy defaults() {
        return new OtpPolicy(Duration.ofMinutes(5), 5, 3, Duration.ofMinutes(15), Duration.ofSeconds(30));
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least one millisecond: " + duration);
        }
    }
}
