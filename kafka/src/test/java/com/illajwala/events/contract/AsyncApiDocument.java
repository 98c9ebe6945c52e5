package com.illajwala.events.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.illajwala.events.EventCatalogue;
import com.illajwala.events.EventType;
import com.illajwala.events.Topic;

import java.util.Locale;

/**
 * The AsyncAPI 3 document of the contract: one channel per topic (address, partitions, key), one
 * message per event type with its CloudEvents headers and its published payload schema.
 */
final class AsyncApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_FORMAT = "application/schema+json;version=draft-07";

    private AsyncApiDocument() {
    }

    static ObjectNode generate() {
        ObjectNode document = JSON.createObjectNode();
        document.put("asyncapi", "3.0.0");
        document.putObject("info").put("title", "Illajwala events").put("version", "1")
                .put("description", "Every fact of the Illajwala booking platform as CloudEvents 1.0 in Kafka binary mode. "
                        + "How to subscribe, order, deduplicate and replay: docs/integrators.md.");
        document.put("defaultContentType", "application/json");
        document.putObject("servers").putObject("local").put("host", "localhost:9092").put("protocol", "kafka")
                .put("description", "The local default's in-process broker (./run); production brokers are given to integrators.");
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = document.putObject("components");
        ObjectNode messages = components.putObject("messages");
        components.putObject("schemas").set("CloudEventHeaders", headers());
        for (Topic topic : Topic.values()) {
            String channelId = topic.name().toLowerCase(Locale.ROOT);
            ObjectNode channel = channels.putObject(channelId);
            channel.put("address", topic.topicName());
            channel.put("description", "Key: the aggregate id (ce_subject), so one aggregate's events are in one partition, in order. "
                    + "Dead letters of consumers: " + topic.deadLetterTopicName() + ".");
            channel.putObject("bindings").putObject("kafka").put("topic", topic.topicName()).put("partitions", 6)
                    .put("bindingVersion", "0.5.0");
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode operation = operations.putObject("receive-" + channelId);
            operation.put("action", "receive");
            operation.putObject("channel").put("$ref", "#/channels/" + channelId);
            ArrayNode operationMessages = operation.putArray("messages");
            for (EventType<?> type : EventCatalogue.all()) {
                if (type.topic() != topic) {
                    continue;
                }
                String messageId = type.name();
                ObjectNode message = messages.putObject(messageId);
                message.put("name", type.name());
                message.put("title", type.javaType().getSimpleName());
                message.put("contentType", "application/json");
                message.putObject("headers").put("$ref", "#/components/schemas/CloudEventHeaders");
                message.putObject("payload").put("schemaFormat", SCHEMA_FORMAT).set("schema", EventSchemas.generate(type));
                message.putObject("bindings").putObject("kafka").put("bindingVersion", "0.5.0")
                        .putObject("key").put("type", "string").put("description", "The aggregate id");
                channelMessages.putObject(messageId).put("$ref", "#/components/messages/" + messageId);
                operationMessages.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + messageId);
            }
        }
        return document;
    }

    private static ObjectNode headers() {
        ObjectNode headers = JSON.createObjectNode();
        headers.put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject("ce_specversion").put("type", "string").put("const", "1.0");
        properties.putObject("ce_id").put("type", "string").put("description", "The event's id: stable across redelivery; deduplicate by it");
        properties.putObject("ce_source").put("type", "string").put("description", "/illajwala/booking, /illajwala/identity or /illajwala/notifications");
        properties.putObject("ce_type").put("type", "string").put("description", "The event type, e.g. com.illajwala.appointment.booked.v1");
        properties.putObject("ce_subject").put("type", "string").put("description", "The aggregate id, also the record key");
        properties.putObject("ce_time").put("type", "string").put("format", "date-time").put("description", "When the event was committed");
        properties.putObject("ce_tenantid").put("type", "string").put("description", "The tenant (CloudEvents extension): filter by it");
        properties.putObject("content-type").put("type", "string").put("const", "application/json");
        ArrayNode required = headers.putArray("required");
        for (String header : new String[] {"ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time", "ce_tenantid"}) {
            required.add(header);
        }
        return headers;
    }
}
