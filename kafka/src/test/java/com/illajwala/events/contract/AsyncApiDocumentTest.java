package com.illajwala.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.illajwala.events.EventCatalogue;
import com.illajwala.events.EventType;
import com.illajwala.events.Topic;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published AsyncAPI document is valid AsyncAPI 3.0.0, lists every topic and every type, and each
 * reference in it resolves. The specification's own JSON Schema is in the test resources
 * ({@code contract/asyncapi-3.0.0.schema.json}: {@code schemas/3.0.0-without-$id.json} of the npm package
 * {@code @asyncapi/specs} 6.11.1, Apache-2.0), so the check needs no network.
 */
class AsyncApiDocumentTest {

    private final JsonNode document = read();

    @Test
    void isValidAsyncApi300() throws IOException {
        JsonSchema specification;
        try (InputStream schema = getClass().getResourceAsStream("/contract/asyncapi-3.0.0.schema.json")) {
            specification = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        }
        assertThat(specification.validate(document)).isEmpty();
        ObjectNode broken = document.deepCopy();
        ((ObjectNode) broken.get("info")).remove("title");
        assertThat(specification.validate(broken)).as("the check can fail").isNotEmpty();
    }

    @Test
    void everyTopicIsAChannelAndEveryTypeAMessageWithItsSchema() {
        assertThat(document.get("asyncapi").asText()).isEqualTo("3.0.0");
        Set<String> addresses = new HashSet<>();
        document.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        for (Topic topic : Topic.values()) {
            assertThat(addresses).contains(topic.topicName());
        }
        for (EventType<?> type : EventCatalogue.all()) {
            JsonNode message = document.at("/components/messages/" + type.name().replace("/", "~1"));
            assertThat(message.isMissingNode()).as(type.name()).isFalse();
            assertThat(message.at("/payload/schema/title").asText()).isEqualTo(type.name());
            assertThat(message.at("/payload/schema/required")).isNotEmpty();
        }
    }

    @Test
    void everyReferenceResolves() {
        Set<String> references = new HashSet<>();
        collect(document, references);
        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(reference).startsWith("#/");
            String pointer = reference.substring(1);
            assertThat(document.at(pointer).isMissingNode()).as(reference).isFalse();
        }
    }

    private static void collect(JsonNode node, Set<String> references) {
        if (node.isObject() && node.has("$ref")) {
            references.add(node.get("$ref").asText());
        }
        node.forEach(child -> collect(child, references));
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(PublishedSchemasTest.PUBLISHED.getParent().resolve("asyncapi.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
