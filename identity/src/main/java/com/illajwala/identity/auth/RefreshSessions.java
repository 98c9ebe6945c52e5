package com.illajwala.identity.auth;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Refresh-token sessions in Redis. A user's sessions are one hash, {@code session:{userId}}, with a
 * field per family (one sign-in on one device) holding the hash of the family's only valid token
 * and its expiry. Every refresh replaces the token; presenting a replaced token means it was
 * stolen or replayed, so the whole family is revoked and its legitimate holder must sign in again.
 * Redis only ever holds hashes of tokens.
 */
public final class RefreshSessions {

    public static final Duration LIFETIME = Duration.ofDays(7);

    /** Checks and replaces a family's token atomically; answers what happened. */
    private static final RedisScript<String> ROTATE = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if not current then return 'unknown' end
            local separator = string.find(current, '|', 1, true)
            local expires = tonumber(string.sub(current, separator + 1))
            if string.sub(current, 1, separator - 1) ~= ARGV[2] then
              redis.call('HDEL', KEYS[1], ARGV[1])
              return 'reused'
            end
            if expires < tonumber(ARGV[4]) then
              redis.call('HDEL', KEYS[1], ARGV[1])
              return 'expired'
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return 'rotated'
            """, String.class);

    /** What a refresh did. */
    public enum Outcome { ROTATED, REUSED, EXPIRED, UNKNOWN }

    /** The outcome, and for {@link Outcome#ROTATED} the user and their new token. */
    public record Rotation(Outcome outcome, String userId, String token) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final Clock clock;

    public RefreshSessions(ReactiveStringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** Starts a new family for the user and returns its first token. */
    public Mono<String> start(String userId) {
        String family = UUID.randomUUID().toString();
        String secret = Secrets.random();
        return redis.opsForHash().put(key(userId), family, stored(secret))
                .then(redis.expire(key(userId), LIFETIME))
                .thenReturn(token(userId, family, secret));
    }

    public Mono<Rotation> rotate(String token) {
        ParsedToken parsed = ParsedToken.parse(token);
        if (parsed == null) {
            return Mono.just(new Rotation(Outcome.UNKNOWN, null, null));
        }
        String secret = Secrets.random();
        return redis.execute(ROTATE, List.of(key(parsed.userId())), List.of(parsed.family(),
                        Secrets.sha256(parsed.secret()), stored(secret),
                        Long.toString(clock.millis()), Long.toString(LIFETIME.toMillis())))
                .next()
                .map(result -> switch (result) {
                    case "rotated" -> new Rotation(Outcome.ROTATED, parsed.userId(), token(parsed.userId(), parsed.family(), secret));
                    case "reused" -> new Rotation(Outcome.REUSED, parsed.userId(), null);
                    case "expired" -> new Rotation(Outcome.EXPIRED, parsed.userId(), null);
                    default -> new Rotation(Outcome.UNKNOWN, parsed.userId(), null);
                });
    }

    /** Ends the token's family (logout). Unreadable tokens are ignored. */
    public Mono<Void> revoke(String token) {
        ParsedToken parsed = ParsedToken.parse(token);
        if (parsed == null) {
            return Mono.empty();
        }
        return redis.opsForHash().remove(key(parsed.userId()), parsed.family()).then();
    }

    private String stored(String secret) {
        return Secrets.sha256(secret) + "|" + clock.instant().plus(LIFETIME).toEpochMilli();
    }

    private static String key(String userId) {
        return "session:" + userId;
    }

    private static String token(String userId, String family, String secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(userId.getBytes(StandardCharsets.UTF_8))
                + "." + family + "." + secret;
    }

    private record ParsedToken(String userId, String family, String secret) {

        static ParsedToken parse(String token) {
            if (token == null) {
                return null;
            }
            String[] parts = token.split("\\.");
            if (parts.length != 3 || parts[1].length() != 36 || parts[2].isEmpty()) {
                return null;
            }
            try {
                UUID.fromString(parts[1]);
                return new ParsedToken(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8),
                        parts[1], parts[2]);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
