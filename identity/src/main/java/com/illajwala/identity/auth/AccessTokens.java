package com.illajwala.identity.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies ES256 access tokens. Verification accepts exactly one algorithm (ES256) and
 * only keys this platform published, and checks issuer, audience and expiry: a token with
 * {@code alg: none}, an HMAC signed with the public key, an unknown {@code kid}, another issuer or
 * audience, an expired or a tampered token is refused.
 */
public final class AccessTokens {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** Tokens verified lately, about 1 KiB each: the signature check costs a millisecond of CPU per request. */
    private static final int VERIFIED_KEPT = 10_000;

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    /** A token that passed every check, and until when it is good. */
    private record Verified(Caller caller, Instant goodUntil) {
    }

    /** How long an access token is valid. */
    public Duration lifetime() {
        return lifetime;
    }

    public AccessTokens(SigningKeys keys, String issuer, String audience, Duration lifetime, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(VERIFIED_KEPT).build();
    }

    public String issue(Caller claims) {
        ECKey key = keys.current();
        Instant now = clock.instant();
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(claims.userId())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("userId", claims.userId())
                .claim("email", claims.email())
                .claim("role", claims.role().code())
                .claim("tenantId", claims.tenantId());
        if (claims.clinicId() != null) {
            body.claim("clinicId", claims.clinicId());
        }
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), body.build());
        try {
            token.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
        return token.serialize();
    }

    /**
     * The caller a valid token names; empty for anything else, whatever is wrong with it. A token seen
     * valid before is answered from memory until it expires: the same bytes passed the same checks.
     * Requests arriving together with a token not seen yet wait for one check of it, not one each.
     */
    public Optional<Caller> verify(String token) {
        Verified known = verified.get(token, unseen -> check(unseen).orElse(null));
        if (known == null) {
            return Optional.empty();
        }
        if (known.goodUntil().isAfter(clock.instant())) {
            return Optional.of(known.caller());
        }
        verified.invalidate(token);
        return Optional.empty();
    }

    private Optional<Verified> check(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
                return Optional.empty();
            }
            Optional<ECKey> key = keys.byId(header.getKeyID());
            if (key.isEmpty() || !jwt.verify(new ECDSAVerifier(key.get().toECPublicKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!issuer.equals(claims.getIssuer())
                    || claims.getAudience() == null || !claims.getAudience().contains(audience)
                    || claims.getExpirationTime() == null
                    || !claims.getExpirationTime().toInstant().plus(CLOCK_SKEW).isAfter(now)) {
                return Optional.empty();
            }
            Optional<Role> role = Role.fromCode(claims.getStringClaim("role"));
            String userId = claims.getStringClaim("userId");
            String tenantId = claims.getStringClaim("tenantId");
            if (role.isEmpty() || userId == null || tenantId == null) {
                return Optional.empty();
            }
            return Optional.of(new Verified(new Caller(userId, claims.getStringClaim("email"), role.get(), tenantId,
                    claims.getStringClaim("clinicId")), claims.getExpirationTime().toInstant().plus(CLOCK_SKEW)));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
