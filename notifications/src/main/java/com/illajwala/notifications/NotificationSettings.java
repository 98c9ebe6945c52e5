package com.illajwala.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code illajwala.notifications.*}. Providers left unconfigured (no host, no base URL) write their
 * messages to the console instead: the local default.
 *
 * @param enabled        whether this instance consumes events and sends (every instance shares the work)
 * @param pollInterval   how often the sender looks for due messages
 * @param batchSize      messages claimed at once
 * @param concurrency    messages in flight at once per instance
 * @param lease          how long a claimed message is this instance's before another may retry it
 * @param maxEventAge    events older than this when first read (a new consumer group reading history)
 *                       notify nobody; their facts are still kept
 * @param retry          back-off of a message whose provider failed
 * @param dailyCap       most SMS and WhatsApp messages per patient per channel per UTC day
 */
@ConfigurationProperties("illajwala.notifications")
public record NotificationSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("16") int concurrency,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("24h") Duration maxEventAge,
        @DefaultValue Retry retry,
        @DefaultValue DailyCap dailyCap,
        @DefaultValue Email email,
        @DefaultValue Sms sms,
        @DefaultValue WhatsApp whatsapp) {

    /**
     * @param firstBackoff the wait after the first failed attempt, doubled after each (with jitter)
     * @param maxBackoff   the longest wait between attempts
     * @param giveUpAfter  a message still failing this long after it was due is recorded as failed
     */
    public record Retry(@DefaultValue("2s") Duration firstBackoff, @DefaultValue("3m") Duration maxBackoff,
                        @DefaultValue("24h") Duration giveUpAfter) {
    }

    public record DailyCap(@DefaultValue("10") int sms, @DefaultValue("10") int whatsapp) {
    }

    /**
     * What protects a provider and us from each other: retries with exponential back-off and jitter,
     * a circuit breaker, a bulkhead and a rate limiter within the provider's quota.
     *
     * @param ratePerSecond  sends per second at most (the provider's quota)
     * @param maxConcurrent  sends in flight at most
     * @param attempts       attempts per send, the first included, before the message waits its back-off
     * @param breakerOpenFor how long the breaker stays open before it lets trial sends through
     * @param timeout        the longest wait for the provider's answer
     */
    public record Resilience(@DefaultValue("20") int ratePerSecond, @DefaultValue("10") int maxConcurrent,
                             @DefaultValue("3") int attempts, @DefaultValue("30s") Duration breakerOpenFor,
                             @DefaultValue("10s") Duration timeout) {
    }

    /** SMTP; without {@code host}, messages go to the console. */
    public record Email(String host, @DefaultValue("25") int port, String username, String password,
                        @DefaultValue("false") boolean starttls,
                        @DefaultValue("Illajwala <no-reply@illajwala.com>") String from,
                        @DefaultValue Resilience resilience) {
    }

    /** A Twilio-shaped Messages API; without {@code baseUrl}, messages go to the console. */
    public record Sms(String baseUrl, String accountSid, String authToken, String from,
                      @DefaultValue Resilience resilience) {
    }

    /** Meta's WhatsApp Cloud API; without {@code baseUrl}, messages go to the console. */
    public record WhatsApp(String baseUrl, String phoneNumberId, String accessToken,
                           @DefaultValue Resilience resilience) {
    }
}
