package com.illajwala.kafka;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.illajwala.events.EventCatalogue;
import com.illajwala.events.EventType;
import com.illajwala.events.IllajwalaEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: attributes in {@code ce_*} headers, the
 * event's facts plus its aggregate {@code sequence} as the JSON body, the aggregate id as key.
 */
public final class CloudEventCodec {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String TENANT_ID = "ce_tenantid";
    public static final String CONTENT_TYPE = "content-type";
    public static final String SEQUENCE_FIELD = "sequence";

    /** Tolerant reader: consumers must accept fields added by later, compatible versions. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // durations as the contract says, ISO-8601 ("PT2H"); reading still accepts the seconds written before
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CloudEventCodec() {
    }

    public static ProducerRecord<String, byte[]> encode(EventEnvelope envelope) {
        EventType<?> type = envelope.type();
        Headers headers = new RecordHeaders();
        header(headers, SPEC_VERSION, "1.0");
        header(headers, ID, envelope.id());
        header(headers, SOURCE, type.topic().source());
        header(headers, TYPE, type.name());
        header(headers, SUBJECT, envelope.subject());
        header(headers, TIME, envelope.time().toString());
        header(headers, TENANT_ID, envelope.tenantId());
        header(headers, CONTENT_TYPE, "application/json");
        ObjectNode body = JSON.valueToTree(envelope.data());
        body.put(SEQUENCE_FIELD, envelope.sequence());
        try {
            return new ProducerRecord<>(type.topic().topicName(), null, envelope.subject(),
                    JSON.writeValueAsBytes(body), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes a record; empty when its {@code ce_type} is unknown to this version of the contract
     * (a newer producer's type), which consumers skip.
     *
     * @throws MalformedEventException when the record claims a known type but cannot be read
     */
    public static Optional<EventEnvelope> decode(ConsumerRecord<String, byte[]> record) {
        String typeName = headerValue(record.headers(), TYPE);
        if (typeName == null) {
            throw new MalformedEventException("record without " + TYPE + " at " + position(record));
        }
        Optional<EventType<?>> type = EventCatalogue.byName(typeName);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String id = headerValue(record.headers(), ID);
        String time = headerValue(record.headers(), TIME);
        if (id == null || time == null) {
            throw new MalformedEventException("record without " + ID + " or " + TIME + " at " + position(record));
        }
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(record.value());
            long sequence = body.path(SEQUENCE_FIELD).asLong(-1);
            body.remove(SEQUENCE_FIELD);
            IllajwalaEvent data = JSON.treeToValue(body, type.get().javaType());
            return Optional.of(new EventEnvelope(id, Instant.parse(time), sequence, data));
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("unreadable " + typeName + " at " + position(record) + ": " + e.getMessage());
        }
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String headerValue(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** A record that cannot be read as the event it claims to be. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
