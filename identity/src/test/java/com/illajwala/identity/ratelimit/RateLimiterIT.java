package com.illajwala.identity.ratelimit;

import com.illajwala.identity.RealRedis;
import com.illajwala.infrastructure.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RateLimiterIT {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static RealRedis realRedis;
    private static ReactiveStringRedisTemplate redis;

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
    void aConcurrentBurstIsAllowedExactlyUpToTheLimit() {
        RateLimiter limiter = new RateLimiter(redis, Map.of("login", new RateLimit(10, MINUTE)));
        String subject = randomSubject();

        List<RateLimitDecision> decisions = Flux.range(0, 50)
                .flatMap(request -> limiter.hit("login", subject), 50)
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(decisions).hasSize(50);
        assertThat(decisions).filteredOn(RateLimitDecision::allowed).hasSize(10)
                .allSatisfy(decision -> assertThat(decision.retryAfter()).isZero());
        assertThat(decisions).filteredOn(decision -> !decision.allowed()).hasSize(40)
                .allSatisfy(decision -> assertThat(decision.retryAfter())
                        .isBetween(Duration.ofSeconds(1), MINUTE));
    }

    @Test
    void theCounterExpiresWithItsWindowFromTheFirstHit() {
        RateLimiter limiter = new RateLimiter(redis, Map.of("login", new RateLimit(10, MINUTE)));
        String subject = randomSubject();

        StepVerifier.create(limiter.hit("login", subject))
                .expectNext(new RateLimitDecision(true, Duration.ZERO))
                .verifyComplete();

        StepVerifier.create(redis.getExpire("ratelimit:login:" + subject))
                .assertNext(timeToLive -> assertThat(timeToLive).isPositive().isLessThanOrEqualTo(MINUTE))
                .verifyComplete();
    }

    @Test
    void eachSubjectHasItsOwnCounter() {
        RateLimiter limiter = new RateLimiter(redis, Map.of("login", new RateLimit(1, MINUTE)));
        String first = randomSubject();
        String second = randomSubject();

        assertThat(limiter.hit("login", first).block().allowed()).isTrue();
        assertThat(limiter.hit("login", first).block().allowed()).isFalse();
        assertThat(limiter.hit("login", second).block().allowed()).isTrue();
    }

    @Test
    void anEndpointWithoutALimitIsAlwaysAllowedAndCountsNothing() {
        RateLimiter limiter = new RateLimiter(redis, Map.of("login", new RateLimit(1, MINUTE)));
        String subject = randomSubject();

        List<RateLimitDecision> decisions = Flux.range(0, 5)
                .concatMap(request -> limiter.hit("search", subject))
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(decisions).hasSize(5).allMatch(RateLimitDecision::allowed);
        StepVerifier.create(redis.hasKey("ratelimit:search:" + subject))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void requestsAreAllowedAgainOnceTheWindowHasPassed() {
        RateLimiter limiter = new RateLimiter(redis, Map.of("login", new RateLimit(1, Duration.ofSeconds(1))));
        String subject = randomSubject();

        assertThat(limiter.hit("login", subject).block().allowed()).isTrue();
        assertThat(limiter.hit("login", subject).block())
                .isEqualTo(new RateLimitDecision(false, Duration.ofSeconds(1)));

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> limiter.hit("login", subject).block().allowed());
    }

    @Test
    void failsOpenWhenRedisCannotBeReached() {
        LettuceConnectionFactory unreachable = connectionsTo("127.0.0.1", FreePorts.find());
        try {
            RateLimiter limiter = new RateLimiter(new ReactiveStringRedisTemplate(unreachable),
                    Map.of("login", new RateLimit(1, MINUTE)));

            StepVerifier.create(limiter.hit("login", randomSubject()))
                    .expectNext(new RateLimitDecision(true, Duration.ZERO))
                    .verifyComplete();
        } finally {
            unreachable.destroy();
        }
    }

    private static LettuceConnectionFactory connectionsTo(String host, int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
        factory.afterPropertiesSet();
        return factory;
    }

    private static String randomSubject() {
        return "ip:" + UUID.randomUUID();
    }
}
