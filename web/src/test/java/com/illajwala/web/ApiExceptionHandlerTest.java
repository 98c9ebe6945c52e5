package com.illajwala.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

@WebFluxTest(controllers = ApiExceptionHandlerTest.ProbeController.class)
@ImportAutoConfiguration(WebConventionsAutoConfiguration.class)
@Import(ApiExceptionHandlerTest.ProbeController.class)
class ApiExceptionHandlerTest {

    @Autowired
    WebTestClient client;

    record Probe(@NotBlank String name, @Min(1) int seats, List<String> tags) {
    }

    @RestController
    static class ProbeController {

        @PostMapping("/probe")
        Mono<ApiResponse<Probe>> probe(@Valid @RequestBody Probe probe) {
            return Mono.just(ApiResponse.ok(probe));
        }

        @GetMapping("/since")
        ApiResponse<Instant> since(@RequestParam Instant from) {
            return ApiResponse.ok(from);
        }

        @GetMapping("/conflict")
        Mono<ApiResponse<Void>> conflict() {
            return Mono.error(ApiException.conflict("slot_full", "The slot is fully booked"));
        }

        @GetMapping("/search")
        ApiResponse<String> search(@RequestParam @jakarta.validation.constraints.Size(max = 3) String q) {
            return ApiResponse.ok(q);
        }

        @GetMapping("/busy")
        Mono<ApiResponse<Void>> busy() {
            return Mono.error(ApiException.tooManyRequests(java.time.Duration.ofSeconds(7)));
        }

        @GetMapping("/me")
        ApiResponse<String> me(com.illajwala.web.access.Caller caller) {
            return ApiResponse.ok(caller.userId());
        }

        @GetMapping("/bug")
        Mono<ApiResponse<Void>> bug() {
            return Mono.error(new IllegalStateException("secret internals"));
        }
    }

    @Test
    void wrapsSuccessInTheEnvelope() {
        post("{\"name\":\"a\",\"seats\":2}").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.data.seats").isEqualTo(2)
                .jsonPath("$.error").doesNotExist();
    }

    @Test
    void namesEveryInvalidField() {
        post("{\"name\":\"\",\"seats\":0}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("validation_failed")
                .jsonPath("$.error.details.length()").isEqualTo(2)
                .jsonPath("$.error.details[?(@.field == 'name')]").exists()
                .jsonPath("$.error.details[?(@.field == 'seats')]").exists();
    }

    @Test
    void refusesAStringWhereANumberBelongs() {
        post("{\"name\":\"a\",\"seats\":\"2\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("seats");
    }

    @Test
    void refusesANumberWhereAStringBelongs() {
        post("{\"name\":7,\"seats\":2}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("name");
    }

    @Test
    void namesTheElementOfAListWithTheWrongType() {
        post("{\"name\":\"a\",\"seats\":2,\"tags\":[\"x\",{\"y\":1}]}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("tags[1]");
    }

    @Test
    void refusesAFieldTheRouteDoesNotTakeAndNamesIt() {
        post("{\"name\":\"a\",\"seats\":2,\"tenantId\":\"other\"}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error.details[0].field").isEqualTo("tenantId")
                .jsonPath("$.error.details[0].message").isEqualTo("is not a field of this request");
    }

    @Test
    void namesAQueryParameterThatBreaksAConstraint() {
        client.get().uri("/search?q=toolong").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("validation_failed")
                .jsonPath("$.error.details[0].field").isEqualTo("q");
    }

    @Test
    void answersTooManyRequestsWithRetryAfter() {
        client.get().uri("/busy").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "7")
                .expectBody().jsonPath("$.error.code").isEqualTo("rate_limited");
    }

    @Test
    void aRouteThatNeedsACallerRefusesAnAnonymousRequest() {
        client.get().uri("/me").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("unauthenticated");
    }

    @Test
    void namesAFieldWhoseTextHasANulByteWithWhatIsWrong() {
        post("{\"name\":\"a\\u0000b\",\"seats\":2}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("validation_failed")
                .jsonPath("$.error.details[0].field").isEqualTo("name")
                .jsonPath("$.error.details[0].message").isEqualTo("must not contain control characters");
    }

    @Test
    void refusesAFractionWhereAnIntegerBelongs() {
        post("{\"name\":\"a\",\"seats\":1.5}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("seats");
    }

    @Test
    void theEnvelopeOfAFailureCarriesItsCodeMessageAndDetails() throws Exception {
        String envelope = new String(ApiExceptionHandler.envelope(new com.fasterxml.jackson.databind.ObjectMapper(),
                ApiException.invalidField("slotId", "must not contain control characters")), java.nio.charset.StandardCharsets.UTF_8);

        org.assertj.core.api.Assertions.assertThat(envelope).isEqualTo("{\"success\":false,\"error\":{\"code\":\"validation_failed\","
                + "\"message\":\"The request has invalid fields\",\"details\":[{\"field\":\"slotId\","
                + "\"message\":\"must not contain control characters\"}]}}");
    }

    @Test
    void refusesMalformedJson() {
        post("{\"name\":").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("malformed_json");
    }

    @Test
    void namesAnUnreadableQueryParameter() {
        client.get().uri("/since?from=tomorrow").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("validation_failed")
                .jsonPath("$.error.details[0].field").isEqualTo("from");
    }

    @Test
    void namesAMissingQueryParameter() {
        client.get().uri("/since").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("from");
    }

    @Test
    void passesBusinessFailuresThroughWithTheirStatusAndCode() {
        client.get().uri("/conflict").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("slot_full")
                .jsonPath("$.error.message").isEqualTo("The slot is fully booked");
    }

    @Test
    void hidesTheDetailsOfUnexpectedFailures() {
        client.get().uri("/bug").exchange()
                .expectStatus().isEqualTo(500)
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("internal_error")
                .jsonPath("$.error.message").isEqualTo("The server could not complete the request");
    }

    @Test
    void answersUnknownRoutesAndMethodsInTheEnvelope() {
        client.get().uri("/nowhere").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("not_found");
        client.delete().uri("/probe").exchange().expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.error.code").isEqualTo("method_not_allowed");
    }

    private WebTestClient.ResponseSpec post(String json) {
        return client.post().uri("/probe").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }
}
