package com.illajwala.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.identity.auth.PasswordHasher;
import com.illajwala.identity.auth.RefreshSessions;
import com.illajwala.identity.auth.SigningKeys;
import com.illajwala.identity.security.AuthenticationFilter;
import com.illajwala.identity.security.StreamTickets;
import com.illajwala.identity.security.TenantHosts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Everything identity contributes to an application that imports it. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class IdentityConfiguration {

    @Bean
    SigningKeys signingKeys() {
        return new SigningKeys();
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
    AuthenticationFilter authenticationFilter(AccessTokens tokens, StreamTickets tickets, TenantHosts hosts) {
        return new AuthenticationFilter(tokens, tickets, hosts);
    }
}
