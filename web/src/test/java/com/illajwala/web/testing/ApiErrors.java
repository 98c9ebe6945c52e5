package com.illajwala.web.testing;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Assertions on error answers in the platform's envelope. */
public final class ApiErrors {

    private ApiErrors() {
    }

    /** A 400 {@code validation_failed} in the JSON envelope whose first problem is {@code field}'s, with {@code message}. */
    public static void assertRefusedField(WebTestClient.ResponseSpec answer, String field, String message) {
        answer.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("validation_failed")
                .jsonPath("$.error.details[0].field").isEqualTo(field)
                .jsonPath("$.error.details[0].message").isEqualTo(message);
    }
}
