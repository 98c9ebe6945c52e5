package com.illajwala.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.illajwala.events.EventCatalogue;
import com.illajwala.events.EventType;
import com.illajwala.events.Topic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The published AsyncAPI document lists every topic and every type, and each reference in it resolves. */
class AsyncApiDocumentTest {

    private final JsonNode document = read();

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
