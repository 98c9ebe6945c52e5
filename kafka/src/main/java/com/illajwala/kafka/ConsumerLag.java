package com.illajwala.kafka;

import com.illajwala.events.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** How far consumer groups are behind their topics, read from the broker with one admin client. */
public final class ConsumerLag implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;
    private final Map<String, Measured> lastMeasured = new ConcurrentHashMap<>();

    private record Measured(long records, Instant at) {
    }

    public ConsumerLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * The group's lag as last measured, measured again when older than {@code fresh}: for a gauge read
     * on every scrape. -1 until a first measure succeeded.
     */
    public long recent(String group, Collection<Topic> topics, Duration fresh) {
        Measured last = lastMeasured.get(group);
        if (last != null && last.at().plus(fresh).isAfter(Instant.now())) {
            return last.records();
        }
        try {
            long records = of(group, topics);
            lastMeasured.put(group, new Measured(records, Instant.now()));
            return records;
        } catch (ExecutionException | TimeoutException e) {
            return last == null ? -1 : last.records();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return last == null ? -1 : last.records();
        }
    }

    /** The records of the topics the group has not yet committed past, over every partition. */
    public long of(String group, Collection<Topic> topics) throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return offsets(topics, OffsetSpec.latest()).entrySet().stream().mapToLong(end -> {
            OffsetAndMetadata done = committed.get(end.getKey());
            return Math.max(0, end.getValue() - (done == null ? 0 : done.offset()));
        }).sum();
    }

    /** The records the topics hold now, over every partition. */
    public long held(Collection<Topic> topics) throws InterruptedException, ExecutionException, TimeoutException {
        return offsets(topics, OffsetSpec.latest()).values().stream().mapToLong(Long::longValue).sum()
                - offsets(topics, OffsetSpec.earliest()).values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<TopicPartition, Long> offsets(Collection<Topic> topics, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        admin.describeTopics(topics.stream().map(Topic::topicName).toList()).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((topic, description) -> description.partitions()
                        .forEach(partition -> wanted.put(new TopicPartition(topic, partition.partition()), spec)));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(wanted).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((partition, offset) -> offsets.put(partition, offset.offset()));
        return offsets;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
