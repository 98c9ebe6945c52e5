package com.illajwala.identity;

import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.identity.auth.PasswordHasher;
import com.illajwala.identity.auth.SigningKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** Everything identity contributes to an application that imports it. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class IdentityConfiguration {

    @Bean
    SigningKeys signingKeys() {
        return new SigningKeys();
    }

    @Bean
    AccessTokens accessTokens(SigningKeys keys,
                              @Value("${illajwala.auth.issuer:https://illajwala.com}") String issuer,
                              @Value("${illajwala.auth.audience:illajwala-api}") String audience,
                              @Value("${illajwala.auth.access-token-lifetime:1d}") Duration lifetime) {
        return new AccessTokens(keys, issuer, audience, lifetime, Clock.systemUTC());
    }

    @Bean
    PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }
}
