package com.illajwala.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Dead letters: a record a consumer group could not process, as it came (key, value and headers),
 * on {@code {topic}.dlq}, with headers saying why, where it came from and which group gave up on it.
 */
public final class DeadLetters {

    public static final String ERROR = "dlq_error";
    public static final String EXCEPTION = "dlq_exception";
    public static final String TOPIC = "dlq_topic";
    public static final String PARTITION = "dlq_partition";
    public static final String OFFSET = "dlq_offset";
    public static final String GROUP = "dlq_group";
    public static final String TIME = "dlq_time";
    private static final String SUFFIX = ".dlq";
    private static final int LONGEST_ERROR = 1_000;

    private DeadLetters() {
    }

    /** The dead-letter topic of a topic. */
    public static String topicOf(String topic) {
        return topic + SUFFIX;
    }

    static ProducerRecord<String, byte[]> letter(String groupId, ConsumerRecord<String, byte[]> record, Throwable failure) {
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header.key(), header.value());
        }
        String message = String.valueOf(failure.getMessage());
        add(headers, ERROR, message.length() > LONGEST_ERROR ? message.substring(0, LONGEST_ERROR) : message);
        add(headers, EXCEPTION, failure.getClass().getName());
        add(headers, TOPIC, record.topic());
        add(headers, PARTITION, String.valueOf(record.partition()));
        add(headers, OFFSET, String.valueOf(record.offset()));
        add(headers, GROUP, groupId);
        add(headers, TIME, Instant.now().toString());
        return new ProducerRecord<>(topicOf(record.topic()), null, record.key(), record.value(), headers);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
