package com.illajwala.events.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.illajwala.events.EventType;
import com.illajwala.events.Nullable;

/**
 * The JSON Schema (draft-07, the JSON Schema version AsyncAPI 3 names) of an event type's {@code data}, generated from its record the way Jackson writes
 * it: every field present, null only where the record says {@link Nullable}, enums by their JSON names,
 * unknown fields allowed (so a consumer validating with an older schema accepts newer events).
 */
final class EventSchemas {

    static final String BASE_URI = "https://illajwala.com/contract/schemas/";

    private static final SchemaGenerator GENERATOR;

    static {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
                .with(Option.INLINE_ALL_SCHEMAS, Option.EXTRA_OPEN_API_FORMAT_VALUES);
        config.forFields().withRequiredCheck(field -> true);
        config.forFields().withNullableCheck(field -> field.getAnnotationConsideringFieldAndGetter(Nullable.class) != null);
        GENERATOR = new SchemaGenerator(config.build());
    }

    private EventSchemas() {
    }

    static ObjectNode generate(EventType<?> type) {
        ObjectNode schema = GENERATOR.generateSchema(type.javaType());
        ObjectNode published = schema.objectNode();
        published.put("$schema", schema.get("$schema").asText());
        published.put("$id", BASE_URI + type.name() + ".json");
        published.put("title", type.name());
        published.put("description", "The data of a " + type.name() + " CloudEvent on " + type.topic().topicName());
        schema.remove("$schema");
        published.setAll(schema);
        ((ObjectNode) published.get("properties")).putObject("sequence").put("type", "integer")
                .put("description", "The event's number within its aggregate (1, 2, …): what a consumer deduplicates and orders by");
        ((com.fasterxml.jackson.databind.node.ArrayNode) published.get("required")).add("sequence");
        return published;
    }
}
