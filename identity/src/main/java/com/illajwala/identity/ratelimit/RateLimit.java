package com.illajwala.identity.ratelimit;

import java.time.Duration;
import java.util.Objects;

/** At most {@code requests} requests per subject in each fixed {@code window}. */
public record RateLimit(int requests, Duration window) {

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1: " + requests);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least one millisecond: " + window);
        }
    }
}
