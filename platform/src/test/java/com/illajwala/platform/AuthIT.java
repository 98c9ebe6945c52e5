package com.illajwala.platform;

import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.identity.auth.SigningKeys;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in as clients do it, over HTTP: registration, password and one-time-passcode sign-in,
 * refresh rotation with family revocation, sign-out, forged tokens, tenants' hosts and stream tickets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuthIT {

    private static final SmsStub SMS = new SmsStub();
    private static final String PASSWORD = "correct horse battery";
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() { };

    @DynamicPropertySource
    static void smsProvider(DynamicPropertyRegistry registry) {
        registry.add("illajwala.sms.base-url", SMS::baseUrl);
    }

    @AfterAll
    static void stopSms() {
        SMS.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient client;
    @Autowired
    AccessTokens tokens;
    @Autowired
    SigningKeys keys;

    @Test
    void aPatientRegistersSignsInAndReadsTheirAccount() {
        String email = "asha-" + UUID.randomUUID() + "@example.test";
        EntityExchangeResult<Map<String, Object>> registered = register(email);
        String refreshCookie = registered.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(refreshCookie).startsWith("illajwala_refresh=").containsIgnoringCase("HttpOnly")
                .contains("Secure", "SameSite=Strict", "Path=/api/auth", "Max-Age=604800");

        client.get().uri("/api/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(accessToken(registered)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.email").isEqualTo(email)
                .jsonPath("$.data.role").isEqualTo("patient")
                .jsonPath("$.data.passwordHash").doesNotExist();

        login(email, PASSWORD).expectStatus().isOk().expectBody().jsonPath("$.data.accessToken").isNotEmpty();
        login(email, "wrong password").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("invalid_credentials");
        login("nobody-" + UUID.randomUUID() + "@example.test", PASSWORD).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("invalid_credentials");
        client.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Asha again", "email", email, "password", PASSWORD))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("account_exists");
    }

    @Test
    void registrationRefusesBadInputAndFieldsItDoesNotTake() {
        client.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "", "email", "not-an-email", "password", "short", "phone", "12345"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("validation_failed")
                .jsonPath("$.error.details[?(@.field == 'name')]").exists()
                .jsonPath("$.error.details[?(@.field == 'email')]").exists()
                .jsonPath("$.error.details[?(@.field == 'password')]").exists()
                .jsonPath("$.error.details[?(@.field == 'phone')]").exists();
        String email = "mallory-" + UUID.randomUUID() + "@example.test";
        client.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Mallory", "email", email, "password", PASSWORD, "role", "admin"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("role");
        login(email, PASSWORD).expectStatus().isUnauthorized();
    }

    @Test
    void aRefreshTokenWorksOnceAndReplayingItSignsTheWholeFamilyOut() {
        String first = refreshToken(register("ravi-" + UUID.randomUUID() + "@example.test"));

        EntityExchangeResult<Map<String, Object>> rotated = refresh(first).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult();
        String second = refreshToken(rotated);
        assertThat(second).isNotEqualTo(first);
        assertThat(accessToken(rotated)).isNotBlank();

        refresh(first).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("invalid_refresh_token");
        // The thief replayed the old token: the legitimate client's current one is revoked too.
        refresh(second).expectStatus().isUnauthorized();
    }

    @Test
    void signingOutEndsTheSession() {
        String refresh = refreshToken(register("li-" + UUID.randomUUID() + "@example.test"));
        client.post().uri("/api/auth/logout").cookie("illajwala_refresh", refresh)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.SET_COOKIE, cookie -> assertThat(cookie).contains("Max-Age=0"));
        refresh(refresh).expectStatus().isUnauthorized();
        client.post().uri("/api/auth/refresh").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void everyForgedOrStaleTokenIsRefused() throws Exception {
        Caller patient = TestCallers.patient("patient-" + UUID.randomUUID());
        String valid = tokens.issue(patient);
        JWKSet jwks = JWKSet.parse(client.get().uri("/.well-known/jwks.json").exchange()
                .expectBody(String.class).returnResult().getResponseBody());
        ECKey published = (ECKey) jwks.getKeys().get(0);
        JWTClaimsSet claims = SignedJWT.parse(valid).getJWTClaimsSet();
        String[] parts = valid.split("\\.");

        List<String> forged = new ArrayList<>();
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            String header = encode("{\"alg\":\"" + none + "\",\"kid\":\"" + published.getKeyID() + "\"}");
            forged.add(header + "." + parts[1] + ".");
            forged.add(header + "." + parts[1] + "." + parts[2]);
        }
        SignedJWT hmacWithPublicKey = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(published.getKeyID()).build(), claims);
        hmacWithPublicKey.sign(new MACSigner(published.toECPublicKey().getEncoded()));
        forged.add(hmacWithPublicKey.serialize());
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("unknown-kid").generate();
        SignedJWT unknownKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("unknown-kid").build(), claims);
        unknownKid.sign(new ECDSASigner(stranger));
        forged.add(unknownKid.serialize());
        SignedJWT ourKidTheirKey = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(published.getKeyID()).build(), claims);
        ourKidTheirKey.sign(new ECDSASigner(stranger));
        forged.add(ourKidTheirKey.serialize());
        Clock now = Clock.systemUTC();
        forged.add(new AccessTokens(keys, "https://evil.example", "illajwala-api", Duration.ofMinutes(5), now).issue(patient));
        forged.add(new AccessTokens(keys, "https://illajwala.com", "another-api", Duration.ofMinutes(5), now).issue(patient));
        forged.add(new AccessTokens(keys, "https://illajwala.com", "illajwala-api", Duration.ofMinutes(5),
                Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC)).issue(patient));
        String escalated = encode(new JWTClaimsSet.Builder(claims).claim("role", "admin").build().toString());
        forged.add(parts[0] + "." + escalated + "." + parts[2]);
        forged.add("garbage");

        client.get().uri("/api/appointments").header(HttpHeaders.AUTHORIZATION, bearer(valid)).exchange()
                .expectStatus().isOk();
        for (String token : forged) {
            client.get().uri("/api/appointments").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.error.code").isEqualTo("invalid_token");
            client.post().uri("/api/appointments").header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("slotId", "any"))
                    .exchange()
                    .expectStatus().isUnauthorized();
        }
    }

    @Test
    void keyRotationKeepsEveryoneSignedIn() {
        EntityExchangeResult<Map<String, Object>> registered = register("kim-" + UUID.randomUUID() + "@example.test");
        keys.rotate();
        client.get().uri("/api/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(accessToken(registered)))
                .exchange()
                .expectStatus().isOk();
        assertThat(keys.publicJwks().getKeys()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void staffAreRefusedOutsideTheirOwnTenantsHost() {
        String staff = tokens.issue(new Caller("staff-" + UUID.randomUUID(), "desk@apollo.test", Role.STAFF, "apollo", "c-1"));
        for (String host : List.of("sunrise.localhost", "localhost", "admin.localhost")) {
            client.get().uri("/api/appointments").header(HttpHeaders.HOST, host)
                    .header(HttpHeaders.AUTHORIZATION, bearer(staff))
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectBody().jsonPath("$.error.code").isEqualTo("wrong_tenant");
        }
        client.get().uri("/api/appointments").header(HttpHeaders.HOST, "apollo.localhost")
                .header(HttpHeaders.AUTHORIZATION, bearer(staff))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void aStreamTicketOpensOneStreamOnce() {
        String doctorId = "dr-" + UUID.randomUUID();
        String ticket = client.post().uri("/api/stream/tickets").header(HttpHeaders.HOST, "apollo.localhost")
                .header(HttpHeaders.AUTHORIZATION, bearer(tokens.issue(TestCallers.doctor(doctorId, "apollo"))))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class)
                .returnResult().getResponseBody();
        ticket = JsonPath.read(ticket, "$.data.ticket");

        StepVerifier.create(WebClient.create("http://localhost:" + port).get()
                        .uri("/api/stream/schedule?doctorId={doctorId}&ticket={ticket}", doctorId, ticket)
                        .header(HttpHeaders.HOST, "apollo.localhost")
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .retrieve().bodyToFlux(SSE).take(1))
                .assertNext(event -> assertThat(event.comment()).isEqualTo("heartbeat"))
                .verifyComplete();

        client.get().uri("/api/stream/schedule?doctorId={doctorId}&ticket={ticket}", doctorId, ticket)
                .header(HttpHeaders.HOST, "apollo.localhost")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("invalid_ticket");
        client.get().uri("/api/stream/schedule?doctorId={doctorId}", doctorId)
                .header(HttpHeaders.HOST, "apollo.localhost")
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aPatientSignsInWithACodeSentBySms() {
        String phone = "+9199" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        requestCode(phone).expectStatus().isAccepted();
        String code = SMS.lastCodeFor(phone);
        assertThat(code).matches("\\d{6}");

        requestCode(phone).expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
        verifyCode(phone, code.equals("000000") ? "111111" : "000000").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("invalid_code");
        verifyCode(phone, code).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.user.phone").isEqualTo(phone)
                .jsonPath("$.data.user.role").isEqualTo("patient");
        verifyCode(phone, code).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("code_expired");
        requestCode("12345").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("phone");
    }

    private WebTestClient.ResponseSpec requestCode(String phone) {
        return client.post().uri("/api/auth/otp/request").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone)).exchange();
    }

    private WebTestClient.ResponseSpec verifyCode(String phone, String code) {
        return client.post().uri("/api/auth/otp/verify").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "code", code)).exchange();
    }

    private EntityExchangeResult<Map<String, Object>> register(String email) {
        return client.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Test Patient", "email", email, "password", PASSWORD))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult();
    }

    private WebTestClient.ResponseSpec login(String email, String password) {
        return client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken) {
        return client.post().uri("/api/auth/refresh").cookie("illajwala_refresh", refreshToken).exchange();
    }

    @SuppressWarnings("unchecked")
    private static String accessToken(EntityExchangeResult<Map<String, Object>> result) {
        return ((Map<String, Object>) result.getResponseBody().get("data")).get("accessToken").toString();
    }

    private static String refreshToken(EntityExchangeResult<?> result) {
        return result.getResponseCookies().getFirst("illajwala_refresh").getValue();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
