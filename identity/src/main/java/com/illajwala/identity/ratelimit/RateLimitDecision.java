package com.illajwala.identity.ratelimit;

import java.time.Duration;

/**
 * Whether one request may go ahead; when refused, {@code retryAfter} is how long until the window
 * resets, in whole seconds (at least one), ready for a {@code Retry-After} header.
 */
public record RateLimitDecision(boolean allowed, Duration retryAfter) {

    static RateLimitDecision allow() {
        return new RateLimitDecision(true, Duration.ZERO);
    }

    static RateLimitDecision refuse(Duration retryAfter) {
        return new RateLimitDecision(false, retryAfter);
    }
}
