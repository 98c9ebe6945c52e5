package com.illajwala.notifications.channel;

import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.notifications.NotificationSettings;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * A provider behind resilience4j, outermost first: retry (exponential back-off with jitter, for
 * failures worth retrying), circuit breaker (an unhealthy provider is left alone for a while rather
 * than hammered, and its sends fail at once), rate limiter (the provider's quota; a send waits up to
 * a few seconds for a permit) and bulkhead (a bound on sends in flight), around a timed call.
 */
public final class ResilientSender implements ChannelSender {

    private static final Duration FIRST_RETRY_WAIT = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT_FOR_PERMIT = Duration.ofSeconds(5);

    private final ChannelSender provider;
    private final Duration timeout;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Bulkhead bulkhead;
    private final RateLimiter rateLimiter;

    public ResilientSender(ChannelSender provider, NotificationSettings.Resilience settings) {
        this.provider = provider;
        this.timeout = settings.timeout();
        String name = "notifications-" + provider.channel().code();
        this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                // a refused message says nothing about the provider's health, nor does a send held back
                // here by the bulkhead or the quota: counted, a burst of work would open the breaker
                .ignoreExceptions(ProviderRejection.class, BulkheadFullException.class, RequestNotPermitted.class)
                .build());
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(Math.max(1, settings.attempts()))
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(FIRST_RETRY_WAIT, 2.0, 0.5))
                .retryOnException(ResilientSender::worthRetrying)
                .build());
        this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrent())
                .maxWaitDuration(Duration.ZERO)
                .build());
        this.rateLimiter = RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(settings.ratePerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(LONGEST_WAIT_FOR_PERMIT)
                .build());
    }

    @Override
    public NotificationChannel channel() {
        return provider.channel();
    }

    @Override
    public Mono<String> send(OutgoingMessage message) {
        return Mono.defer(() -> provider.send(message))
                .timeout(timeout)
                .transformDeferred(BulkheadOperator.of(bulkhead))
                .transformDeferred(RateLimiterOperator.of(rateLimiter))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .transformDeferred(RetryOperator.of(retry));
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    /**
     * Whether the send was refused here, before the provider saw it (breaker open, bulkhead full,
     * no rate permit in time): the message was not attempted.
     */
    public static boolean refusedBeforeTheProvider(Throwable failure) {
        return failure instanceof CallNotPermittedException || failure instanceof BulkheadFullException
                || failure instanceof RequestNotPermitted;
    }

    private static boolean worthRetrying(Throwable failure) {
        return !(failure instanceof ProviderRejection) && !refusedBeforeTheProvider(failure);
    }
}
