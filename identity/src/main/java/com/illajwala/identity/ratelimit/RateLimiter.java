package com.illajwala.identity.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Counts requests per endpoint and subject in fixed windows held in Redis under
 * {@code ratelimit:{endpoint}:{subject}}. One Lua script increments the count and sets the
 * window's expiry together, so no crash can leave a counter that never expires.
 *
 * <p>An endpoint without a configured {@link RateLimit} is never limited. When Redis cannot be
 * reached this limiter <em>fails open</em>: it allows the request and logs a warning, because an
 * outage of the rate-limit store must not take sign-in and booking down with it. The price is that
 * limits are not enforced while Redis is unavailable.
 */
public final class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    /**
     * Returns 0 when the request is within the limit, otherwise the milliseconds left in the
     * window (at least 1). A negative PTTL means the key has no expiry yet: the first hit, or a
     * counter some other writer left without one.
     */
    private static final RedisScript<Long> HIT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            local remaining = redis.call('PTTL', KEYS[1])
            if remaining < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              remaining = tonumber(ARGV[1])
            end
            if count <= tonumber(ARGV[2]) then
              return 0
            end
            return math.max(remaining, 1)
            """, Long.class);

    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(1);

    private final ReactiveStringRedisTemplate redis;
    private final Map<String, RateLimit> limits;

    public RateLimiter(ReactiveStringRedisTemplate redis, Map<String, RateLimit> limits) {
        this.redis = redis;
        this.limits = Map.copyOf(limits);
    }

    /** Counts one request by {@code subject} (for example {@code ip:127.0.0.1}) against {@code endpoint}. */
    public Mono<RateLimitDecision> hit(String endpoint, String subject) {
        RateLimit limit = limits.get(endpoint);
        if (limit == null) {
            return Mono.just(RateLimitDecision.allow());
        }
        String key = "ratelimit:" + endpoint + ":" + subject;
        List<String> arguments = List.of(
                Long.toString(limit.window().toMillis()), Integer.toString(limit.requests()));
        return redis.execute(HIT, List.of(key), arguments)
                .single()
                .timeout(REDIS_TIMEOUT)
                // the request carries on from here: on the parallel workers, not Redis's one I/O thread
                .publishOn(Schedulers.parallel())
                .map(RateLimiter::decide)
                .onErrorResume(error -> {
                    log.warn("Rate limit for {} not checked, allowing the request: Redis failed", endpoint, error);
                    return Mono.just(RateLimitDecision.allow());
                });
    }

    private static RateLimitDecision decide(long millisecondsLeft) {
        if (millisecondsLeft == 0) {
            return RateLimitDecision.allow();
        }
        long seconds = Math.max(1, (millisecondsLeft + 999) / 1000);
        return RateLimitDecision.refuse(Duration.ofSeconds(seconds));
    }
}
