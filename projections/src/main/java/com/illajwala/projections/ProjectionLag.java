package com.illajwala.projections;

import com.illajwala.events.Topic;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How many events the read models are behind the topics: the gauge {@code illajwala.projection.lag}
 * (records not yet applied by the current generation's consumer group), measured every few seconds.
 */
@Component
public class ProjectionLag implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLag.class);
    private static final Duration MEASURE_EVERY = Duration.ofSeconds(2);

    private final ProjectionConsumer projections;
    private final String bootstrapServers;
    private final ObjectProvider<MeterRegistry> meters;
    private volatile long records = -1;
    private volatile Admin admin;
    private volatile Disposable measuring;

    ProjectionLag(ProjectionConsumer projections, KafkaConnectionDetails kafka, ObjectProvider<MeterRegistry> meters) {
        this.projections = projections;
        this.bootstrapServers = String.join(",", kafka.getBootstrapServers());
        this.meters = meters;
    }

    /** The last measure; -1 before the first. */
    public long records() {
        return records;
    }

    /** Measures now. */
    public long measure() {
        try {
            String group = projections.groupOf(projections.generation());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = offsets(OffsetSpec.latest());
            records = ends.entrySet().stream().collect(Collectors.summingLong(end -> {
                OffsetAndMetadata done = committed.get(end.getKey());
                return Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
            }));
        } catch (Exception e) {
            log.debug("Projection lag not measured: {}", e.toString());
        }
        return records;
    }

    /** How many records the read side's topics hold: what a rebuild replays. */
    public long recordsInTopics() throws Exception {
        return offsets(OffsetSpec.latest()).values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum()
                - offsets(OffsetSpec.earliest()).values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    /** Every partition of the read side's topics, at the offsets asked for. */
    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(OffsetSpec spec) throws Exception {
        List<String> topics = ProjectionConsumer.TOPICS.stream().map(Topic::topicName).toList();
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(partition -> wanted.put(new TopicPartition(topic, partition.partition()), spec)));
        return admin.listOffsets(wanted).all().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void start() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        meters.ifAvailable(registry -> Gauge.builder("illajwala.projection.lag", this, ProjectionLag::records)
                .description("Events the read models are behind the topics").baseUnit("events").register(registry));
        measuring = Flux.interval(MEASURE_EVERY).onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(this::measure).subscribeOn(Schedulers.boundedElastic()))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = measuring;
        if (current != null) {
            current.dispose();
        }
        measuring = null;
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public boolean isRunning() {
        return measuring != null;
    }
}
