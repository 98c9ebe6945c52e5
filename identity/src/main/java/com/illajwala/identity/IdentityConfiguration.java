package com.illajwala.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.identity.auth.JdbcSigningKeyStore;
import com.illajwala.identity.auth.PasswordHasher;
import com.illajwala.identity.auth.RefreshSessions;
import com.illajwala.identity.auth.SigningKeys;
import com.illajwala.identity.security.AuthenticationFilter;
import com.illajwala.identity.security.StreamTickets;
import com.illajwala.identity.security.TenantHosts;
import com.illajwala.eventstore.EventStoreModule;
import com.illajwala.identity.auth.Secrets;
import com.illajwala.identity.otp.HttpSmsSender;
import com.illajwala.identity.otp.LoggingSmsSender;
import com.illajwala.identity.otp.OtpPolicy;
import com.illajwala.identity.otp.OtpService;
import com.illajwala.identity.otp.SmsSender;
import com.illajwala.identity.ratelimit.RateLimitFilter;
import com.illajwala.identity.ratelimit.RateLimitSettings;
import com.illajwala.identity.ratelimit.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.scheduler.Schedulers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.time.Duration;
import java.util.List;

/** Everything identity contributes to an application that imports it. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import(EventStoreModule.class)
@EnableConfigurationProperties(RateLimitSettings.class)
public class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);
    private static final Duration KEY_RELOAD = Duration.ofMinutes(1);

    /**
     * The signing keys every instance shares, in PostgreSQL, sealed under {@code illajwala.auth.key-secret}
     * (base64, 32 bytes or more), which every instance must be given. Without one, a secret is drawn once
     * and kept in the data directory (the local default: tokens survive a restart), or drawn for the
     * process alone when there is none (tests).
     */
    @Bean
    SigningKeys signingKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                            @Value("${illajwala.auth.key-secret:}") String secret,
                            @Value("${illajwala.infrastructure.data-dir:}") String dataDir) {
        byte[] key = !secret.isBlank() ? Base64.getDecoder().decode(secret)
                : dataDir.isBlank() ? Secrets.random().getBytes(StandardCharsets.US_ASCII)
                : Secrets.keptIn(Path.of(dataDir, "identity", "key-secret"));
        return new SigningKeys(new JdbcSigningKeyStore(jdbc, new TransactionTemplate(transactions), key, Clock.systemUTC()),
                Clock.systemUTC());
    }

    /**
     * Signs with a fresh key every interval, once for all instances; the previous keys keep verifying,
     * so nobody is signed out. Every instance reloads the keys each minute to pick up another's rotation.
     */
    @Bean(destroyMethod = "dispose")
    Disposable signingKeyRotation(SigningKeys keys,
                                  @Value("${illajwala.auth.key-rotation-interval:24h}") Duration interval) {
        return Flux.merge(Flux.interval(interval, interval).map(tick -> (Runnable) () -> keys.rotateIfDue(interval)),
                        Flux.interval(KEY_RELOAD, KEY_RELOAD).map(tick -> (Runnable) keys::reload))
                .onBackpressureDrop()
                .publishOn(Schedulers.boundedElastic())
                .subscribe(work -> {
                    try {
                        work.run();
                    } catch (RuntimeException failure) {
                        log.warn("Signing keys not rotated or reloaded; trying again at the next turn: {}", failure.toString());
                    }
                });
    }

    /** Access tokens live 15 minutes by default: sign-out then takes effect within that, with no lookup per request. */
    @Bean
    AccessTokens accessTokens(SigningKeys keys,
                              @Value("${illajwala.auth.issuer:https://illajwala.com}") String issuer,
                              @Value("${illajwala.auth.audience:illajwala-api}") String audience,
                              @Value("${illajwala.auth.access-token-lifetime:15m}") Duration lifetime) {
        return new AccessTokens(keys, issuer, audience, lifetime, Clock.systemUTC());
    }

    @Bean
    PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }

    @Bean
    RefreshSessions refreshSessions(ReactiveStringRedisTemplate redis) {
        return new RefreshSessions(redis, Clock.systemUTC());
    }

    @Bean
    StreamTickets streamTickets(ReactiveStringRedisTemplate redis, ObjectMapper json) {
        return new StreamTickets(redis, json);
    }

    @Bean
    TenantHosts tenantHosts(@Value("${illajwala.tenancy.base-domains:localhost,illajwala.com}") List<String> baseDomains) {
        return new TenantHosts(baseDomains);
    }

    @Bean
    RateLimitFilter rateLimitFilter(ReactiveStringRedisTemplate redis, RateLimitSettings settings) {
        return new RateLimitFilter(new RateLimiter(redis, settings.effective()));
    }

    /** The SMS provider's HTTP API when {@code illajwala.sms.base-url} is set; the console otherwise (local default). */
    @Bean
    SmsSender smsSender(WebClient.Builder http, @Value("${illajwala.sms.base-url:}") String baseUrl,
                        @Value("${illajwala.sms.api-key:}") String apiKey) {
        return baseUrl.isBlank() ? new LoggingSmsSender() : new HttpSmsSender(http, baseUrl, apiKey);
    }

    /**
     * Every instance must share {@code illajwala.otp.secret} (base64, 32 bytes or more); without
     * one, a secret is drawn at start, which suits one local instance.
     */
    @Bean
    OtpService otpService(ReactiveStringRedisTemplate redis, SmsSender sms,
                          @Value("${illajwala.otp.secret:}") String secret) {
        byte[] key = secret.isBlank() ? Secrets.random().getBytes(StandardCharsets.US_ASCII) : Base64.getDecoder().decode(secret);
        return new OtpService(redis, sms, OtpPolicy.defaults(), Clock.systemUTC(), key);
    }

    @Bean
    AuthenticationFilter authenticationFilter(AccessTokens tokens, StreamTickets tickets, TenantHosts hosts) {
        return new AuthenticationFilter(tokens, tickets, hosts);
    }
}
