package com.illajwala.identity.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Limits per endpoint ({@code login}, {@code register}, {@code otp}, {@code booking}, {@code hold},
 * {@code search}), set as {@code illajwala.rate-limits.<endpoint>.requests} and {@code .window};
 * an endpoint left out keeps its default.
 */
@ConfigurationProperties("illajwala")
public record RateLimitSettings(Map<String, RateLimit> rateLimits) {

    static final Map<String, RateLimit> DEFAULTS = Map.of(
            "login", new RateLimit(10, Duration.ofMinutes(1)),
            "register", new RateLimit(5, Duration.ofMinutes(1)),
            "otp", new RateLimit(10, Duration.ofMinutes(10)),
            "booking", new RateLimit(120, Duration.ofMinutes(1)),
            "hold", new RateLimit(60, Duration.ofMinutes(1)),
            "search", new RateLimit(300, Duration.ofMinutes(1)));

    /** The defaults with the configured limits laid over them. */
    public Map<String, RateLimit> effective() {
        Map<String, RateLimit> limits = new HashMap<>(DEFAULTS);
        if (rateLimits != null) {
            limits.putAll(rateLimits);
        }
        return limits;
    }
}
