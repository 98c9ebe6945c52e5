package com.illajwala.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability
class PlatformIT {

    @Autowired
    WebTestClient client;

    @Test
    void healthIsUpWithEveryInfrastructureComponent() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.eventStore.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("UP");
    }

    @Test
    void readinessCoversEveryInfrastructureComponentAndLivenessIsUp() {
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.eventStore.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("UP");
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetrics() {
        client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("jvm_memory_used_bytes"));
    }

    @Test
    void unknownRoutesAnswerInTheEnvelope() {
        client.get().uri("/api/no-such-route").exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("not_found");
    }

    @Test
    void servesTheBuiltSinglePageApps() {
        client.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("<div id=\"root\">", "<title>Illajwala</title>"));
        client.get().uri("/doctor/").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("<title>Illajwala Doctor</title>"));
        client.get().uri("/admin/").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("<title>Illajwala Admin</title>"));
    }

    @Test
    void publishesOnlyThePublicHalvesOfTheSigningKeys() {
        client.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.keys[0].kty").isEqualTo("EC")
                .jsonPath("$.keys[0].crv").isEqualTo("P-256")
                .jsonPath("$.keys[0].alg").isEqualTo("ES256")
                .jsonPath("$.keys[0].kid").isNotEmpty()
                .jsonPath("$.keys[0].d").doesNotExist();
    }

    @Test
    void theEventContractIsServed() {
        client.get().uri("/api/contract/asyncapi.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.asyncapi").isEqualTo("3.0.0")
                .jsonPath("$.channels.appointment.address").isEqualTo("illajwala.appointment.v1");
        client.get().uri("/api/contract/schemas/com.illajwala.appointment.booked.v1.json").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("com.illajwala.appointment.booked.v1");
        client.get().uri("/api/contract/schemas/com.illajwala.nothing.v1.json").exchange().expectStatus().isNotFound();
    }
}
