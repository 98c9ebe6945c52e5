package com.illajwala.identity.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Limits per endpoint ({@code login}, {@code register}, {@code otp}, {@code booking}, {@code hold},
 * {@code search}), set as {@code illajwala.rate-limits.<endpoint>.requests} and {@code .window};
 * an endpoint left out keeps its default, and so does a half of one that is left out.
 */
@ConfigurationProperties("illajwala")
public record RateLimitSettings(Map<String, Configured> rateLimits) {

    static final Map<String, RateLimit> DEFAULTS = Map.of(
            "login", new RateLimit(10, Duration.ofMinutes(1)),
            "register", new RateLimit(5, Duration.ofMinutes(1)),
            "otp", new RateLimit(10, Duration.ofMinutes(10)),
            "booking", new RateLimit(120, Duration.ofMinutes(1)),
            "hold", new RateLimit(60, Duration.ofMinutes(1)),
            "search", new RateLimit(300, Duration.ofMinutes(1)));

    /** What a configuration says of one endpoint; either half may be missing. */
    public record Configured(Integer requests, Duration window) {
    }

    /** The defaults with the configured limits laid over them, half by half. */
    public Map<String, RateLimit> effective() {
        Map<String, RateLimit> limits = new HashMap<>(DEFAULTS);
        if (rateLimits != null) {
            rateLimits.forEach((endpoint, configured) -> limits.put(endpoint, overlay(endpoint, configured)));
        }
        return limits;
    }

    private static RateLimit overlay(String endpoint, Configured configured) {
        RateLimit fallback = DEFAULTS.get(endpoint);
        Integer requests = configured.requests() != null ? configured.requests() : fallback == null ? null : fallback.requests();
        Duration window = configured.window() != null ? configured.window() : fallback == null ? null : fallback.window();
        if (requests == null || window == null) {
            throw new IllegalArgumentException("illajwala.rate-limits." + endpoint
                    + " has no default: set both .requests and .window");
        }
        return new RateLimit(requests, window);
    }
}
