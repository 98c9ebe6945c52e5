package com.illajwala.identity.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class AccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Caller PATIENT =
            new Caller("user-1", "asha@example.com", Role.PATIENT, Caller.PLATFORM_TENANT, null);

    private final SigningKeys keys = new SigningKeys(new InMemoryKeyStore(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final AccessTokens tokens = tokens("https://illajwala.com", "illajwala-api", Clock.fixed(NOW, ZoneOffset.UTC));

    private AccessTokens tokens(String issuer, String audience, Clock clock) {
        return new AccessTokens(keys, issuer, audience, Duration.ofDays(1), clock);
    }

    @Test
    void acceptsItsOwnTokenAndReturnsTheSeedPayload() {
        Caller staff = new Caller("user-2", "ravi@apollo.example", Role.STAFF, "apollo", "clinic-1");
        assertThat(tokens.verify(tokens.issue(PATIENT))).contains(PATIENT);
        assertThat(tokens.verify(tokens.issue(staff))).contains(staff);
    }

    @Test
    void requestsArrivingTogetherWithANewTokenCheckItsSignatureOnce() throws Exception {
        SigningKeys counted = spy(new SigningKeys(new InMemoryKeyStore(), Clock.fixed(NOW, ZoneOffset.UTC)));
        AccessTokens checking = new AccessTokens(counted, "https://illajwala.com", "illajwala-api", Duration.ofDays(1),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String token = checking.issue(PATIENT);
        CyclicBarrier together = new CyclicBarrier(16);
        ExecutorService requests = Executors.newFixedThreadPool(16);
        try {
            List<Future<Optional<Caller>>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(requests.submit(() -> {
                    together.await();
                    return checking.verify(token);
                }));
            }
            for (Future<Optional<Caller>> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).contains(PATIENT);
            }
        } finally {
            requests.shutdownNow();
        }
        verify(counted, times(1)).byId(any());
    }

    @Test
    void keepsAcceptingTokensSignedBeforeARotation() {
        String before = tokens.issue(PATIENT);
        keys.rotate();
        String after = tokens.issue(PATIENT);

        assertThat(tokens.verify(before)).contains(PATIENT);
        assertThat(tokens.verify(after)).contains(PATIENT);
        assertThat(header(before)).isNotEqualTo(header(after));
        assertThat(keys.publicJwks().getKeys()).hasSize(2).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void refusesAlgNoneInAnyCasing(String alg) {
        String[] parts = tokens.issue(PATIENT).split("\\.");
        String header = encode("{\"alg\":\"" + alg + "\",\"kid\":\"" + keys.current().getKeyID() + "\"}");
        assertThat(tokens.verify(header + "." + parts[1] + ".")).isEmpty();
        assertThat(tokens.verify(header + "." + parts[1] + "." + parts[2])).isEmpty();
    }

    @Test
    void refusesHs256SignedWithThePublicKey() throws Exception {
        byte[] publicKey = keys.current().toECPublicKey().getEncoded();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.current().getKeyID()).build(),
                SignedJWT.parse(tokens.issue(PATIENT)).getJWTClaimsSet());
        forged.sign(new MACSigner(publicKey));
        assertThat(tokens.verify(forged.serialize())).isEmpty();
    }

    @Test
    void refusesAKeyItDidNotPublish() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("stranger").build(),
                SignedJWT.parse(tokens.issue(PATIENT)).getJWTClaimsSet());
        forged.sign(new ECDSASigner(stranger));
        assertThat(tokens.verify(forged.serialize())).isEmpty();

        SignedJWT sameKidOtherKey = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(keys.current().getKeyID()).build(), SignedJWT.parse(tokens.issue(PATIENT)).getJWTClaimsSet());
        sameKidOtherKey.sign(new ECDSASigner(stranger));
        assertThat(tokens.verify(sameKidOtherKey.serialize())).isEmpty();
    }

    @Test
    void refusesAnotherIssuerOrAudience() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThat(tokens.verify(tokens("https://evil.example", "illajwala-api", clock).issue(PATIENT))).isEmpty();
        assertThat(tokens.verify(tokens("https://illajwala.com", "another-api", clock).issue(PATIENT))).isEmpty();
    }

    @Test
    void refusesAnExpiredToken() {
        AccessTokens yesterday = tokens("https://illajwala.com", "illajwala-api",
                Clock.fixed(NOW.minus(Duration.ofDays(1)).minusSeconds(60), ZoneOffset.UTC));
        assertThat(tokens.verify(yesterday.issue(PATIENT))).isEmpty();
    }

    /** A token verified once is remembered, but not past its expiry. */
    @Test
    void aRememberedTokenStillExpires() {
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        AccessTokens remembering = tokens("https://illajwala.com", "illajwala-api", moving);
        String token = remembering.issue(PATIENT);
        assertThat(remembering.verify(token)).contains(PATIENT);
        assertThat(remembering.verify(token)).contains(PATIENT);

        now[0] = NOW.plus(Duration.ofDays(1)).plusSeconds(31);
        assertThat(remembering.verify(token)).isEmpty();
    }

    @Test
    void refusesATamperedPayload() throws Exception {
        String[] parts = tokens.issue(PATIENT).split("\\.");
        JWTClaimsSet claims = new JWTClaimsSet.Builder(SignedJWT.parse(tokens.issue(PATIENT)).getJWTClaimsSet())
                .claim("role", "admin").build();
        String tampered = parts[0] + "." + encode(claims.toString()) + "." + parts[2];
        assertThat(tokens.verify(tampered)).isEmpty();
    }

    @Test
    void refusesGarbage() {
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify("a.b.c")).isEmpty();
        assertThat(tokens.verify("not a token")).isEmpty();
    }

    private static String header(String token) {
        return token.substring(0, token.indexOf('.'));
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
