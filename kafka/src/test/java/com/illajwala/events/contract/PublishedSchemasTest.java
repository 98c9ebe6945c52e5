package com.illajwala.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.illajwala.events.EventCatalogue;
import com.illajwala.events.EventType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build check of the event contract: the schemas in {@code kafka/src/main/resources/contract/schemas}
 * are what integrators were given. A change to an event record that would break them fails the build;
 * it needs a new type version ({@code .v2}) instead. A compatible change (a new field) fails too until
 * the schema is published again with {@code ./mvnw -pl kafka test -Dcontract.publish=true}.
 */
class PublishedSchemasTest {

    static final Path PUBLISHED = Path.of("src/main/resources/contract/schemas");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final boolean PUBLISH = Boolean.getBoolean("contract.publish");

    @Test
    void everyEventTypeMatchesItsPublishedSchema() throws IOException {
        List<String> problems = new ArrayList<>();
        for (EventType<?> type : EventCatalogue.all()) {
            ObjectNode proposed = EventSchemas.generate(type);
            Path file = PUBLISHED.resolve(type.name() + ".json");
            if (!Files.exists(file)) {
                publishOrReport(file, proposed, problems, type.name() + " has no published schema");
                continue;
            }
            JsonNode published = JSON.readTree(file.toFile());
            List<String> breaks = SchemaCompatibility.breaks(published, proposed);
            if (!breaks.isEmpty()) {
                problems.add(type.name() + " would break its consumers (" + String.join("; ", breaks)
                        + "): publish the change as a new version of the type instead");
            } else if (!published.equals(proposed)) {
                publishOrReport(file, proposed, problems, type.name() + " changed compatibly and is not published yet");
            }
        }
        assertThat(problems).as("event contract").isEmpty();
    }

    @Test
    void theAsyncApiDocumentIsPublished() throws IOException {
        Path file = PUBLISHED.getParent().resolve("asyncapi.json");
        ObjectNode generated = AsyncApiDocument.generate();
        List<String> problems = new ArrayList<>();
        if (!Files.exists(file) || !JSON.readTree(file.toFile()).equals(generated)) {
            publishOrReport(file, generated, problems, "contract/asyncapi.json is not the document of the current contract");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noPublishedTypeDisappears() throws IOException {
        Set<String> known = EventCatalogue.all().stream().map(type -> type.name() + ".json").collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(PUBLISHED)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> !known.contains(name)))
                    .as("published types no longer in EventCatalogue (renamed or removed: consumers of them would break)")
                    .isEmpty();
        }
    }

    private static void publishOrReport(Path file, ObjectNode schema, List<String> problems, String problem) throws IOException {
        if (PUBLISH) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(schema) + "\n");
        } else {
            problems.add(problem + " (publish with -Dcontract.publish=true)");
        }
    }
}
