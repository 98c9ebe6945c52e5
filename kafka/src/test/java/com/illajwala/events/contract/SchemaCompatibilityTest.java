package com.illajwala.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.illajwala.events.EventCatalogue;
import com.illajwala.events.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The build check can fail: each kind of breaking change to a real event's schema is caught. */
class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventType<?> booked = EventCatalogue.byName("com.illajwala.appointment.booked.v1").orElseThrow();
    private final ObjectNode published = EventSchemas.generate(booked);

    @Test
    void anUnchangedSchemaBreaksNothing() {
        assertThat(SchemaCompatibility.breaks(published, EventSchemas.generate(booked))).isEmpty();
    }

    @Test
    void aNewFieldBreaksNothing() {
        ObjectNode proposed = published.deepCopy();
        ((ObjectNode) proposed.get("properties")).putObject("referral").put("type", "string");
        assertThat(SchemaCompatibility.breaks(published, proposed)).isEmpty();
    }

    @Test
    void aRemovedFieldBreaks() {
        ObjectNode proposed = published.deepCopy();
        ((ObjectNode) proposed.get("properties")).remove("slotId");
        assertThat(SchemaCompatibility.breaks(published, proposed)).anyMatch(found -> found.contains("slotId was removed"));
    }

    @Test
    void aRetypedFieldBreaks() {
        ObjectNode proposed = published.deepCopy();
        ((ObjectNode) proposed.get("properties").get("start")).put("type", "integer");
        assertThat(SchemaCompatibility.breaks(published, proposed)).anyMatch(found -> found.contains("start changed type"));
    }

    @Test
    void aFieldThatMayBeMissingOrNullBreaks() {
        ObjectNode proposed = published.deepCopy();
        ArrayNode required = (ArrayNode) proposed.get("required");
        for (int i = required.size() - 1; i >= 0; i--) {
            if (required.get(i).asText().equals("mode")) {
                required.remove(i);
            }
        }
        assertThat(SchemaCompatibility.breaks(published, proposed)).anyMatch(found -> found.contains("mode is no longer always present"));

        ObjectNode nullable = JSON.createObjectNode();
        nullable.putArray("type").add("integer").add("null");
        JsonNode before = JSON.createObjectNode().put("type", "integer");
        assertThat(SchemaCompatibility.breaks(before, nullable)).anyMatch(found -> found.contains("may now be null"));
    }

    @Test
    void aDroppedEnumValueBreaks() {
        ObjectNode proposed = published.deepCopy();
        JsonNode mode = proposed.get("properties").get("mode");
        ArrayNode values = (ArrayNode) mode.get("enum");
        assertThat(values).isNotEmpty();
        values.remove(values.size() - 1);
        assertThat(SchemaCompatibility.breaks(published, proposed)).anyMatch(found -> found.contains("no longer has the value"));
    }
}
