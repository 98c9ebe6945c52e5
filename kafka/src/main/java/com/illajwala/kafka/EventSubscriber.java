package com.illajwala.kafka;

import com.illajwala.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.ReceiverOptions;
import reactor.kafka.receiver.ReceiverRecord;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Reads events from the contract's topics, either as a member of a consumer group or as a broadcast. */
public final class EventSubscriber {

    private static final Logger log = LoggerFactory.getLogger(EventSubscriber.class);

    private final String bootstrapServers;

    public EventSubscriber(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * At-least-once processing in a consumer group, a poll's records at a time: each batch is handed
     * to {@code handler} in partition order and its offsets are committed only after the handler's
     * {@link Mono} completes. A failing handler restarts consumption from the last committed offsets,
     * so handlers must be idempotent. Records of types this contract version does not know are skipped.
     * The returned flux emits each processed batch; subscribe to start consuming.
     */
    public Flux<List<EventEnvelope>> consume(String groupId, Collection<Topic> topics,
                                             Function<List<EventEnvelope>, Mono<Void>> handler) {
        Map<String, Object> config = baseConfig(groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ReceiverOptions<String, byte[]> options = ReceiverOptions.<String, byte[]>create(config)
                .commitInterval(Duration.ofMillis(200))
                .subscription(topicNames(topics));
        return Flux.defer(() -> KafkaReceiver.create(options).receiveBatch()
                        // decoded here, so a poll is decoded while the one before it is being handled
                        .concatMap(batch -> batch.collectList().map(Poll::decode))
                        .concatMap(poll -> poll.handle(handler)))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(signal -> log.warn("Consumer group {} restarts after: {}", groupId,
                                signal.failure().toString())));
    }

    /**
     * Every event published from now on, to this instance alone (a group of its own, nothing
     * committed). Used to feed live streams, where each instance needs every event.
     * {@code onAssigned} runs once partitions are assigned, i.e. from when no new event is missed.
     */
    public Flux<EventEnvelope> broadcast(Collection<Topic> topics, Runnable onAssigned) {
        Map<String, Object> config = baseConfig("broadcast-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ReceiverOptions<String, byte[]> options = ReceiverOptions.<String, byte[]>create(config)
                .addAssignListener(partitions -> onAssigned.run())
                .subscription(topicNames(topics));
        return Flux.defer(() -> KafkaReceiver.create(options).receiveAtmostOnce())
                .concatMap(record -> Mono.justOrEmpty(decodeOrSkip(record)))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10)));
    }

    /** A poll's records and the events decoded from them. */
    private record Poll(List<ReceiverRecord<String, byte[]>> records, List<EventEnvelope> envelopes) {

        static Poll decode(List<ReceiverRecord<String, byte[]>> records) {
            return new Poll(records, records.stream().map(EventSubscriber::decodeOrSkip).flatMap(Optional::stream).toList());
        }

        Mono<List<EventEnvelope>> handle(Function<List<EventEnvelope>, Mono<Void>> handler) {
            return (envelopes.isEmpty() ? Mono.<Void>empty() : handler.apply(envelopes))
                    .then(Mono.fromRunnable(() -> records.forEach(record -> record.receiverOffset().acknowledge())))
                    .thenReturn(envelopes);
        }
    }

    private static Optional<EventEnvelope> decodeOrSkip(ConsumerRecord<String, byte[]> record) {
        try {
            return CloudEventCodec.decode(record);
        } catch (CloudEventCodec.MalformedEventException e) {
            // Dead-lettering arrives with the notifications issue; until then a poison record is skipped loudly.
            log.error("Skipping malformed record: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private Map<String, Object> baseConfig(String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return config;
    }

    private static List<String> topicNames(Collection<Topic> topics) {
        return topics.stream().map(Topic::topicName).toList();
    }
}
