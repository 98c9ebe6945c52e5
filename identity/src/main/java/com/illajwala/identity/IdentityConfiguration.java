package com.illajwala.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.illajwala.identity.auth.AccessTokens;
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
import org.springframework.beans.factory.annotation.Value;
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

    @Bean
    SigningKeys signingKeys() {
        return new SigningKeys();
    }

    /** Signs with a fresh key every interval; the previous keys keep verifying, so nobody is signed out. */
    @Bean(destroyMethod = "dispose")
    Disposable signingKeyRotation(SigningKeys keys,
                                  @Value("${illajwala.auth.key-rotation-interval:24h}") Duration interval) {
        return Flux.interval(interval, interval).subscribe(tick -> keys.rotate());
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
