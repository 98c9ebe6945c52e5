package com.illajwala.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The front ends' client is generated from {@code frontends/api-client/openapi.json}; this keeps
 * that file the platform's own document. After changing a route, regenerate it with
 * {@value #REGENERATE} and commit the file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpenApiDocumentIT {

    static final String REGENERATE = "./mvnw -DskipTests install && ./mvnw -pl platform verify -Dit.test=OpenApiDocumentIT -Dopenapi.write=true";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Autowired
    WebTestClient client;

    @Test
    void theCommittedDocumentIsThePlatformsOwn() throws IOException {
        JsonNode served = sorted(document());
        Path committed = Path.of(System.getProperty("openapi.document", "../frontends/api-client/openapi.json"));
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(committed, JSON.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(committed)) {
            fail(committed.toAbsolutePath() + " is missing; write it with " + REGENERATE);
        }
        if (!served.equals(JSON.readTree(committed.toFile()))) {
            fail(committed.toAbsolutePath() + " is not what the platform serves at /v3/api-docs; regenerate it with "
                    + REGENERATE + " and commit it (the front ends' types are generated from it)");
        }
    }

    @Test
    void answersDescribeTheEnvelopesAndWhatIsAlwaysThere() throws IOException {
        JsonNode document = document();
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(texts(schemas.path("ApiResponseListAppointmentView").path("required"))).containsExactly("data", "success");
        assertThat(schemas.path("ApiResponseListAppointmentView").path("properties").has("error")).isFalse();
        assertThat(texts(schemas.path("ErrorResponse").path("required"))).containsExactly("success", "error");
        assertThat(schemas.path("ApiError").path("properties").path("details").path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/FieldProblem");
        JsonNode appointment = schemas.path("AppointmentView");
        assertThat(texts(appointment.path("required"))).contains("appointmentId", "start", "status", "checkedInAt");
        assertThat(texts(appointment.path("properties").path("checkedInAt").path("type"))).containsExactlyInAnyOrder("string", "null");
        assertThat(appointment.path("properties").path("appointmentId").path("type").asText()).isEqualTo("string");
        // a NON_NULL answer: what cannot be null is always there, what can is optional; a model is never null itself
        JsonNode entry = schemas.path("QueuedEntry");
        assertThat(texts(entry.path("required"))).contains("entryId", "status").doesNotContain("offer", "position");
        assertThat(entry.path("properties").path("offer").path("$ref").asText()).isEqualTo("#/components/schemas/Offer");
        assertThat(schemas.path("Offer").path("type").asText()).isEqualTo("object");
        // a request body keeps what its validation says: only the slot is required
        assertThat(texts(schemas.path("BookAppointmentRequest").path("required"))).containsExactly("slotId");
        JsonNode book = document.path("paths").path("/api/appointments").path("post");
        assertThat(book.path("operationId").asText()).isEqualTo("appointmentBook");
        assertThat(book.path("responses").path("default").path("content").path("application/json").path("schema")
                .path("$ref").asText()).isEqualTo("#/components/schemas/ErrorResponse");
        // FHIR routes answer failures as FHIR does
        assertThat(document.path("paths").path("/api/fhir/Slot/{id}").path("get").path("responses").path("default")
                .path("content").path("application/fhir+json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/OperationOutcome");
        // the authentication filter's parameters are not the route's
        assertThat(document.path("paths").path("/api/appointments").path("get").path("parameters").findValuesAsText("name"))
                .doesNotContain("caller", "host");
        assertThat(document.path("paths").path("/api/stream/appointments").path("get").path("parameters")
                .findValuesAsText("name")).contains("ticket");
    }

    /** Springdoc builds the document on the first request: seconds on a busy machine. */
    private JsonNode document() throws IOException {
        return JSON.readTree(client.mutate().responseTimeout(Duration.ofMinutes(1)).build().get().uri("/v3/api-docs")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** Keys in order, so the committed file's diffs show what changed rather than how it was printed. */
    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode ordered = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(name -> ordered.set(name, sorted(object.get(name))));
            return ordered;
        }
        if (node.isArray()) {
            var array = JSON.createArrayNode();
            node.forEach(element -> array.add(sorted(element)));
            return array;
        }
        return node;
    }
}
