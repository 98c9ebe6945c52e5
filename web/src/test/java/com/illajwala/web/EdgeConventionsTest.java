package com.illajwala.web;

import com.illajwala.web.edge.SecurityHeaders;
import com.illajwala.web.testing.RawHttp;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.HttpHandlerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.ReactiveWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.function.client.WebClientAutoConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.illajwala.web.testing.ApiErrors.assertRefusedField;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge conventions over a real HTTP server: path, query and body input refused with a 400
 * naming the field before a route runs, the HTTP server's own errors in the envelope, and the
 * security headers on every kind of answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {WebTestConfiguration.class, EdgeConventionsTest.Routes.class})
@ImportAutoConfiguration({ReactiveWebServerFactoryAutoConfiguration.class, WebFluxAutoConfiguration.class,
        HttpHandlerAutoConfiguration.class, CodecsAutoConfiguration.class, JacksonAutoConfiguration.class,
        ValidationAutoConfiguration.class, PropertyPlaceholderAutoConfiguration.class, WebClientAutoConfiguration.class,
        WebConventionsAutoConfiguration.class})
@Import(EdgeConventionsTest.Routes.class)
class EdgeConventionsTest {

    @LocalServerPort
    int port;
    @Autowired
    WebClient.Builder webClients;

    WebTestClient client;

    record Booking(@NotBlank String slotId, String note, Integer seats, List<String> appointmentIds) {
    }

    @RestController
    static class Routes {

        @GetMapping("/appointments/{appointmentId}")
        ApiResponse<String> appointment(@PathVariable String appointmentId) {
            return ApiResponse.ok(appointmentId);
        }

        @GetMapping("/schemas/{type}")
        ApiResponse<String> schema(@PathVariable String type) {
            return ApiResponse.ok(type);
        }

        @GetMapping("/search")
        ApiResponse<String> search(@RequestParam(required = false) String q, @RequestParam(required = false) String doctorId) {
            return ApiResponse.ok(q);
        }

        @PostMapping("/bookings")
        Mono<ApiResponse<Booking>> book(@Valid @RequestBody Booking booking) {
            return Mono.just(ApiResponse.ok(booking));
        }

        /** What a provider might answer: an id that is not one of ours. */
        @GetMapping("/provider")
        Map<String, String> provider() {
            return Map.of("id", "wamid.HBgM+NTE5/ODc=");
        }

        @GetMapping(path = "/page", produces = MediaType.TEXT_HTML_VALUE)
        String page() {
            return "<!doctype html><title>page</title>";
        }
    }

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aNulInAPathIdIsRefusedNamingTheVariable() {
        assertRefusedField(client.get().uri(URI.create(base() + "/appointments/abc%00def")).exchange(), "appointmentId",
                "must not contain control characters");
    }

    @Test
    void aPathIdThatIsNotAnIdentifierIsRefusedNamingTheVariable() {
        assertRefusedField(client.get().uri(URI.create(base() + "/appointments/a%20b")).exchange(), "appointmentId",
                "must hold only letters, digits and - _ . : ~");
        assertRefusedField(client.get().uri(URI.create(base() + "/appointments/" + "x".repeat(300))).exchange(), "appointmentId",
                "must be at most 128 characters");
    }

    @Test
    void aPathSegmentOutsideAnyRouteIsRefusedAsThePath() {
        assertRefusedField(client.get().uri(URI.create(base() + "/nowhere/%01")).exchange(), "path", "must not contain control characters");
    }

    @Test
    void otherPathVariablesAreTextAndPassWhenClean() {
        client.get().uri(URI.create(base() + "/schemas/com.illajwala.appointment.booked.v1.json")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data").isEqualTo("com.illajwala.appointment.booked.v1.json");
        client.get().uri(URI.create(base() + "/appointments/0f8fad5b-d9cb-469f-a165-70867728950e")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aControlCharacterInAQueryParameterIsRefusedNamingIt() {
        assertRefusedField(client.get().uri(URI.create(base() + "/search?q=heart%00")).exchange(), "q", "must not contain control characters");
        assertRefusedField(client.get().uri(URI.create(base() + "/search?doctorId=a%27b")).exchange(), "doctorId",
                "must hold only letters, digits and - _ . : ~");
    }

    @Test
    void aNulInABodyStringIsRefusedNamingTheField() {
        assertRefusedField(post("{\"slotId\":\"slot\\u0000\"}"), "slotId", "must not contain control characters");
        assertRefusedField(post("{\"slotId\":\"s1\",\"note\":\"fine\\u0000\"}"), "note", "must not contain control characters");
        assertRefusedField(post("{\"slotId\":\"s1\",\"appointmentIds\":[\"a1\",\"a 2\"]}"), "appointmentIds[1]",
                "must hold only letters, digits and - _ . : ~");
    }

    @Test
    void aHugeBodyStringIsRefused() {
        assertRefusedField(post("{\"slotId\":\"s1\",\"note\":\"" + "x".repeat(100_000) + "\"}"), "note", "must be at most 10000 characters");
        client.post().uri("/bookings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"slotId\":\"s1\",\"note\":\"" + "x".repeat(1_000_000) + "\"}").exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.error.code").isEqualTo("payload_too_large");
    }

    @Test
    void theContextsWebClientsReadProvidersAnswersAsWritten() {
        ProviderAnswer answer = webClients.baseUrl(base()).build().get().uri("/provider")
                .retrieve().bodyToMono(ProviderAnswer.class).block(Duration.ofSeconds(5));

        assertThat(answer).isEqualTo(new ProviderAnswer("wamid.HBgM+NTE5/ODc="));
    }

    record ProviderAnswer(String id) {
    }

    @Test
    void aFractionWhereAnIntegerBelongsIsRefused() {
        assertRefusedField(post("{\"slotId\":\"s1\",\"seats\":2.5}"), "seats", "has the wrong type or format");
        post("{\"slotId\":\"s1\",\"seats\":2,\"note\":\"line one\\nline two\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.data.seats").isEqualTo(2);
    }

    @Test
    void aRequestLineTooLongForTheServerIsAnsweredInTheEnvelope() throws Exception {
        String answer = RawHttp.exchange(port, "GET /appointments/" + "x".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 414").contains("X-Content-Type-Options: nosniff")
                .contains("\"code\":\"uri_too_long\"").contains("\"success\":false");
    }

    @Test
    void headersTooLargeForTheServerAreAnsweredInTheEnvelope() throws Exception {
        String answer = RawHttp.exchange(port, "GET /search HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "y".repeat(20_000) + "\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 431").contains("\"code\":\"request_header_fields_too_large\"");
    }

    @Test
    void aRequestTheServerCannotReadIsAnsweredInTheEnvelope() throws Exception {
        assertThat(RawHttp.exchange(port, "GET /search HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n"))
                .startsWith("HTTP/1.1 400").contains("\"code\":\"bad_request\"");
        assertThat(RawHttp.exchange(port, "GET /search?q=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400").contains("\"success\":false");
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        for (WebTestClient.ResponseSpec answer : List.of(
                client.get().uri("/search?q=x").exchange(),
                client.get().uri("/nowhere").exchange(),
                client.get().uri(URI.create(base() + "/appointments/%00")).exchange())) {
            answer.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("Content-Security-Policy", SecurityHeaders.DOCUMENTLESS_POLICY)
                    .expectHeader().doesNotExist("Strict-Transport-Security");
        }
    }

    @Test
    void pagesGetTheAppPolicyWithoutInlineScriptOrEval() {
        client.get().uri("/page").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", SecurityHeaders.APP_POLICY)
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self' ", "frame-ancestors 'none'", "object-src 'none'")
                        .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'"));
    }

    @Test
    void hstsOnlyForRequestsThatCameOverTls() {
        client.get().uri("/search").header("X-Forwarded-Proto", "https").exchange()
                .expectHeader().valueEquals("Strict-Transport-Security", SecurityHeaders.STRICT_TRANSPORT_SECURITY);
        client.get().uri("/search").header("Forwarded", "for=192.0.2.60;proto=https").exchange()
                .expectHeader().valueEquals("Strict-Transport-Security", SecurityHeaders.STRICT_TRANSPORT_SECURITY);
        client.get().uri("/search").header("X-Forwarded-Proto", "http").exchange()
                .expectHeader().doesNotExist("Strict-Transport-Security");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private WebTestClient.ResponseSpec post(String json) {
        return client.post().uri("/bookings").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

}
