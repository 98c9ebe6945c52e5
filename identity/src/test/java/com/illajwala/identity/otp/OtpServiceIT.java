package com.illajwala.identity.otp;

import com.illajwala.identity.otp.OtpRequestOutcome.Status;
import com.illajwala.identity.RealRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class OtpServiceIT {

    private static final Duration AFTER_RESEND_INTERVAL = Duration.ofSeconds(31);

    private static RealRedis realRedis;
    private static ReactiveStringRedisTemplate redis;

    private final RecordingSmsSender sms = new RecordingSmsSender();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final OtpService otp = new OtpService(redis, sms, OtpPolicy.defaults(), clock,
            "a test secret of thirty-two bytes!".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private final String phone = randomPhoneNumber();

    @BeforeAll
    static void connect() {
        realRedis = new RealRedis();
        redis = realRedis.template();
    }

    @AfterAll
    static void disconnect() {
        realRedis.close();
    }

    @Test
    void theCodeArrivesBySmsAndVerifiesOnlyOnce() {
        StepVerifier.create(otp.request(phone))
                .expectNext(new OtpRequestOutcome(Status.SENT, Duration.ZERO))
                .verifyComplete();

        assertThat(sms.sent).hasSize(1);
        assertThat(sms.sent.get(0).phoneNumber()).isEqualTo(phone);
        assertThat(sms.sent.get(0).text()).matches("Your Illajwala sign-in code is \\d{6}\\. It expires in 5 minutes\\.");
        String code = sms.lastCode();

        StepVerifier.create(otp.verify(phone, code)).expectNext(OtpVerification.VERIFIED).verifyComplete();
        StepVerifier.create(otp.verify(phone, code)).expectNext(OtpVerification.EXPIRED_OR_MISSING).verifyComplete();
    }

    @Test
    void redisHoldsOnlyAHashOfTheCodeForTheCodeLifetime() {
        otp.request(phone).block();
        String code = sms.lastCode();

        StepVerifier.create(redis.<String, String>opsForHash().entries("otp:" + phone).collectList())
                .assertNext(entries -> {
                    assertThat(entries).extracting(entry -> entry.getKey())
                            .containsExactlyInAnyOrder("hash", "attempts", "sentAt");
                    assertThat(entries).extracting(entry -> entry.getValue())
                            .noneMatch(value -> value.contains(code));
                })
                .verifyComplete();
        StepVerifier.create(redis.getExpire("otp:" + phone))
                .assertNext(timeToLive -> assertThat(timeToLive).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5)))
                .verifyComplete();
    }

    @Test
    void fiveWrongAttemptsDiscardTheCodeSoEvenTheRightOneFails() {
        otp.request(phone).block();
        String code = sms.lastCode();
        String wrong = wrongCodeFor(code);

        for (int attempt = 1; attempt <= 4; attempt++) {
            StepVerifier.create(otp.verify(phone, wrong)).expectNext(OtpVerification.WRONG_CODE).verifyComplete();
        }
        StepVerifier.create(otp.verify(phone, wrong)).expectNext(OtpVerification.ATTEMPTS_EXHAUSTED).verifyComplete();
        StepVerifier.create(otp.verify(phone, code)).expectNext(OtpVerification.ATTEMPTS_EXHAUSTED).verifyComplete();
        StepVerifier.create(otp.verify(phone, wrong)).expectNext(OtpVerification.ATTEMPTS_EXHAUSTED).verifyComplete();
    }

    @Test
    void aResendWithinThirtySecondsIsTooSoon() {
        otp.request(phone).block();
        clock.advance(Duration.ofSeconds(10));

        StepVerifier.create(otp.request(phone))
                .expectNext(new OtpRequestOutcome(Status.TOO_SOON, Duration.ofSeconds(20)))
                .verifyComplete();
        assertThat(sms.sent).hasSize(1);

        clock.advance(Duration.ofSeconds(20));
        StepVerifier.create(otp.request(phone))
                .expectNext(new OtpRequestOutcome(Status.SENT, Duration.ZERO))
                .verifyComplete();
        assertThat(sms.sent).hasSize(2);
    }

    @Test
    void theFourthSendWithinTheWindowIsCapped() {
        for (int send = 1; send <= 3; send++) {
            StepVerifier.create(otp.request(phone))
                    .expectNext(new OtpRequestOutcome(Status.SENT, Duration.ZERO))
                    .verifyComplete();
            clock.advance(AFTER_RESEND_INTERVAL);
        }

        StepVerifier.create(otp.request(phone))
                .assertNext(outcome -> {
                    assertThat(outcome.status()).isEqualTo(Status.SEND_CAPPED);
                    assertThat(outcome.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(15));
                })
                .verifyComplete();
        assertThat(sms.sent).hasSize(3);
    }

    @Test
    void aNewCodeReplacesTheOldOne() {
        otp.request(phone).block();
        String oldCode = sms.lastCode();
        clock.advance(AFTER_RESEND_INTERVAL);
        otp.request(phone).block();
        String newCode = sms.lastCode();
        assumeThat(newCode).as("two random codes happened to be equal").isNotEqualTo(oldCode);

        StepVerifier.create(otp.verify(phone, oldCode)).expectNext(OtpVerification.WRONG_CODE).verifyComplete();
        StepVerifier.create(otp.verify(phone, newCode)).expectNext(OtpVerification.VERIFIED).verifyComplete();
    }

    @Test
    void ofTwentyConcurrentVerificationsOfTheRightCodeExactlyOneSucceeds() {
        otp.request(phone).block();
        String code = sms.lastCode();

        List<OtpVerification> results = Flux.range(0, 20)
                .flatMap(attempt -> otp.verify(phone, code), 20)
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(results).hasSize(20);
        assertThat(results).filteredOn(result -> result == OtpVerification.VERIFIED).hasSize(1);
        assertThat(results).filteredOn(result -> result == OtpVerification.EXPIRED_OR_MISSING).hasSize(19);
    }

    private static String wrongCodeFor(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static String randomPhoneNumber() {
        return "+9199" + ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L);
    }

    /** Keeps every message instead of sending it. */
    private static final class RecordingSmsSender implements SmsSender {

        private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

        final List<Sent> sent = new CopyOnWriteArrayList<>();

        @Override
        public Mono<Void> send(String phoneNumber, String text) {
            return Mono.fromRunnable(() -> sent.add(new Sent(phoneNumber, text)));
        }

        String lastCode() {
            assertThat(sent).isNotEmpty();
            Matcher matcher = CODE.matcher(sent.get(sent.size() - 1).text());
            assertThat(matcher.find()).isTrue();
            return matcher.group(1);
        }

        record Sent(String phoneNumber, String text) {
        }
    }

    /** A clock the test moves forward by hand. */
    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The test clock is UTC only");
        }
    }
}
