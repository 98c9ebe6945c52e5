package com.illajwala.identity.otp;

import com.illajwala.identity.otp.OtpRequestOutcome.Status;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Issues and checks the six-digit codes patients sign in with. A phone's pending code lives in
 * the Redis hash {@code otp:{phoneNumber}} (fields {@code hash}, {@code attempts},
 * {@code sentAt}) for the code lifetime; the codes sent in the current send window are counted in
 * {@code otp:sends:{phoneNumber}}. Every read-check-write runs as one Lua script, so concurrent
 * requests or verifications cannot both win.
 *
 * <p>Only an HMAC-SHA256 of {@code phone:code} is stored, keyed with a secret that never enters
 * Redis (a million possible codes would otherwise be read back from a plain hash); the plain code
 * exists only in memory and in the text message. Every instance must share the secret
 * ({@code illajwala.otp.secret}); the local default draws one at start.
 *
 * <p>The resend interval is measured with the given {@link Clock}; expiries are Redis's own.
 */
public final class OtpService {

    private static final String HMAC = "HmacSHA256";
    private static final int CODE_BOUND = 1_000_000;

    /**
     * Refuses while the phone is at its send cap or inside the resend interval; otherwise
     * replaces the pending code and counts the send. Answers {@code "STATUS milliseconds"}.
     * KEYS: code hash, send counter. ARGV: code hash, now, code lifetime, max sends, send
     * window, resend interval (times in milliseconds).
     */
    private static final RedisScript<String> ISSUE = RedisScript.of("""
            local sends = tonumber(redis.call('GET', KEYS[2]) or '0')
            if sends >= tonumber(ARGV[4]) then
              return 'SEND_CAPPED ' .. redis.call('PTTL', KEYS[2])
            end
            local sentAt = redis.call('HGET', KEYS[1], 'sentAt')
            if sentAt then
              local wait = tonumber(sentAt) + tonumber(ARGV[6]) - tonumber(ARGV[2])
              if wait > 0 then
                return 'TOO_SOON ' .. wait
              end
            end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'hash', ARGV[1], 'attempts', '0', 'sentAt', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('INCR', KEYS[2])
            if redis.call('PTTL', KEYS[2]) < 0 then
              redis.call('PEXPIRE', KEYS[2], ARGV[5])
            end
            return 'SENT 0'
            """, String.class);

    /**
     * Shared start of the verification scripts: without a code there is nothing to decide. The
     * key outliving its code means the attempts ran out, since a used code deletes the whole key.
     */
    private static final String PENDING_CODE = """
            local stored = redis.call('HGET', KEYS[1], 'hash')
            if not stored then
              if redis.call('EXISTS', KEYS[1]) == 1 then
                return 'ATTEMPTS_EXHAUSTED'
              end
              return 'EXPIRED_OR_MISSING'
            end
            """;

    /**
     * Uses up the code if it is still the one that matched (ARGV[1]); of concurrent callers
     * only the first finds it.
     */
    private static final RedisScript<String> CONSUME = RedisScript.of(PENDING_CODE + """
            if stored ~= ARGV[1] then
              return 'EXPIRED_OR_MISSING'
            end
            redis.call('DEL', KEYS[1])
            return 'VERIFIED'
            """, String.class);

    /**
     * Counts a wrong attempt against the code it was compared with (ARGV[1]) and discards the
     * code at the limit (ARGV[2]). A code replaced since the comparison is not charged: the
     * attempt was made against the old one.
     */
    private static final RedisScript<String> COUNT_WRONG_ATTEMPT = RedisScript.of(PENDING_CODE + """
            if stored ~= ARGV[1] then
              return 'WRONG_CODE'
            end
            if redis.call('HINCRBY', KEYS[1], 'attempts', 1) >= tonumber(ARGV[2]) then
              redis.call('HDEL', KEYS[1], 'hash')
              return 'ATTEMPTS_EXHAUSTED'
            end
            return 'WRONG_CODE'
            """, String.class);

    private final ReactiveStringRedisTemplate redis;
    private final SmsSender sms;
    private final OtpPolicy policy;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec secret;

    /** @param hmacKey at least 32 bytes, the same on every instance */
    public OtpService(ReactiveStringRedisTemplate redis, SmsSender sms, OtpPolicy policy, Clock clock, byte[] hmacKey) {
        if (hmacKey.length < 32) {
            throw new IllegalArgumentException("The OTP secret needs at least 32 bytes");
        }
        this.redis = redis;
        this.sms = sms;
        this.policy = policy;
        this.clock = clock;
        this.secret = new SecretKeySpec(hmacKey, HMAC);
    }

    /** Sends the phone a new code that replaces any earlier one, unless it asks too often. */
    public Mono<OtpRequestOutcome> request(String phoneNumber) {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        return Mono.defer(() -> {
            String code = String.format("%06d", random.nextInt(CODE_BOUND));
            List<String> arguments = List.of(
                    hash(phoneNumber, code),
                    Long.toString(clock.millis()),
                    Long.toString(policy.codeLifetime().toMillis()),
                    Integer.toString(policy.maxSendsPerWindow()),
                    Long.toString(policy.sendWindow().toMillis()),
                    Long.toString(policy.resendInterval().toMillis()));
            return redis.execute(ISSUE, List.of(codeKey(phoneNumber), sendsKey(phoneNumber)), arguments)
                    .single()
                    .flatMap(answer -> {
                        String[] parts = answer.split(" ");
                        Status status = Status.valueOf(parts[0]);
                        if (status != Status.SENT) {
                            return Mono.just(new OtpRequestOutcome(status, wholeSeconds(Long.parseLong(parts[1]))));
                        }
                        return sms.send(phoneNumber, message(code)).thenReturn(OtpRequestOutcome.sent());
                    });
        });
    }

    /** Checks a code against the one pending for the phone; a right code works once. */
    public Mono<OtpVerification> verify(String phoneNumber, String code) {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(code, "code");
        String key = codeKey(phoneNumber);
        return redis.<String, String>opsForHash().multiGet(key, List.of("hash", "attempts"))
                .flatMap(fields -> {
                    String stored = fields.get(0);
                    if (fields.get(1) == null) {
                        return Mono.just(OtpVerification.EXPIRED_OR_MISSING);
                    }
                    if (stored == null) {
                        return Mono.just(OtpVerification.ATTEMPTS_EXHAUSTED);
                    }
                    boolean matches = MessageDigest.isEqual(
                            stored.getBytes(StandardCharsets.US_ASCII),
                            hash(phoneNumber, code).getBytes(StandardCharsets.US_ASCII));
                    RedisScript<String> settle = matches ? CONSUME : COUNT_WRONG_ATTEMPT;
                    return redis.execute(settle, List.of(key),
                                    List.of(stored, Integer.toString(policy.maxAttempts())))
                            .single()
                            .map(OtpVerification::valueOf);
                });
    }

    private String message(String code) {
        long minutes = policy.codeLifetime().toMinutes();
        return "Your Illajwala sign-in code is " + code + ". It expires in " + minutes
                + (minutes == 1 ? " minute." : " minutes.");
    }

    private String hash(String phoneNumber, String code) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            byte[] digest = mac.doFinal((phoneNumber + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static Duration wholeSeconds(long milliseconds) {
        return Duration.ofSeconds(Math.max(1, (milliseconds + 999) / 1000));
    }

    private static String codeKey(String phoneNumber) {
        return "otp:" + phoneNumber;
    }

    private static String sendsKey(String phoneNumber) {
        return "otp:sends:" + phoneNumber;
    }
}
