package com.illajwala.kafka;

import com.illajwala.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.ReceiverOptions;
import reactor.kafka.receiver.ReceiverRecord;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;
import reactor.kafka.sender.SenderRecord;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads events from the contract's topics, either as a member of a consumer group or as a broadcast.
 * A group member dead-letters what it cannot process (see {@link #consume}) through a producer of its
 * own, opened on first use and closed with the subscriber.
 */
public final class EventSubscriber implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventSubscriber.class);
    /** Attempts at a batch, then at each of its events alone, before a failing event is dead-lettered. */
    static final int HANDLING_ATTEMPTS = 3;
    private static final Duration FIRST_RETRY_BACKOFF = Duration.ofMillis(100);

    private final String bootstrapServers;
    private KafkaSender<String, byte[]> deadLetterSender;

    public EventSubscriber(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * At-least-once processing in a consumer group, a poll's records at a time: each batch is handed
     * to {@code handler} in partition order and its offsets are committed only after the handler's
     * {@link Mono} completes, so handlers must be idempotent. Records of types this contract version
     * does not know are skipped.
     *
     * <p>Poison records do not stop the group. A record that cannot be decoded, or whose event still
     * fails after {@value #HANDLING_ATTEMPTS} attempts of its batch and then {@value #HANDLING_ATTEMPTS}
     * attempts alone, is published with its raw key, value and headers (plus {@code dlq_*} headers
     * saying why, where from and which group) to {@code {topic}.dlq}, and the group carries on. A
     * failure of the infrastructure ({@link Failures#isTransient}) is never dead-lettered: consumption
     * restarts from the last committed offsets, with back-off, until it passes.
     *
     * <p>The returned flux emits each processed batch (dead-lettered events left out); subscribe to start.
     */
    public Flux<List<EventEnvelope>> consume(String groupId, Collection<Topic> topics,
                                             Function<List<EventEnvelope>, Mono<Void>> handler) {
        Map<String, Object> config = baseConfig(groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ReceiverOptions<String, byte[]> options = ReceiverOptions.<String, byte[]>create(config)
                .commitInterval(Duration.ofMillis(200))
                .subscription(topicNames(topics));
        return Flux.defer(() -> KafkaReceiver.create(options).receiveBatch()
                        // one poll ahead: the next batch is decoded while the handler applies this one
                        .concatMap(batch -> batch.collectList().map(records -> decode(groupId, records)), 1)
                        .concatMap(batch -> process(batch, groupId, handler), 1))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(signal -> log.warn("Consumer group {} restarts after: {}", groupId,
                                signal.failure().toString())));
    }

    /**
     * Every event published from now on, to this instance alone (a group of its own, nothing
     * committed). Used to feed live streams, where each instance needs every event; a malformed
     * record is skipped here (the consumer groups dead-letter it).
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

    /** A record and the event it carries. */
    private record Decoded(ReceiverRecord<String, byte[]> record, EventEnvelope envelope) {
    }

    /** A poll's records, and the events of those that could be read; the others wait to be dead-lettered. */
    private record DecodedBatch(List<ReceiverRecord<String, byte[]>> records, List<Decoded> decoded,
                                List<Mono<Void>> deadLetters) {
    }

    private DecodedBatch decode(String groupId, List<ReceiverRecord<String, byte[]>> records) {
        List<Decoded> decoded = new ArrayList<>();
        List<Mono<Void>> deadLetters = new ArrayList<>();
        for (ReceiverRecord<String, byte[]> record : records) {
            try {
                CloudEventCodec.decode(record).ifPresent(envelope -> decoded.add(new Decoded(record, envelope)));
            } catch (CloudEventCodec.MalformedEventException e) {
                deadLetters.add(Mono.defer(() -> deadLetter(groupId, record, e)));
            }
        }
        return new DecodedBatch(records, decoded, deadLetters);
    }

    private Mono<List<EventEnvelope>> process(DecodedBatch batch, String groupId,
                                              Function<List<EventEnvelope>, Mono<Void>> handler) {
        List<EventEnvelope> envelopes = batch.decoded().stream().map(Decoded::envelope).toList();
        return Flux.concat(batch.deadLetters()).then(handleOrDeadLetter(groupId, batch.decoded(), handler))
                .doOnNext(handled -> batch.records().forEach(record -> record.receiverOffset().acknowledge()))
                .defaultIfEmpty(envelopes);
    }

    /** The batch, retried; failing still, each event alone, retried, and the ones that still fail dead-lettered. */
    private Mono<List<EventEnvelope>> handleOrDeadLetter(String groupId, List<Decoded> decoded,
                                                          Function<List<EventEnvelope>, Mono<Void>> handler) {
        List<EventEnvelope> envelopes = decoded.stream().map(Decoded::envelope).toList();
        if (envelopes.isEmpty()) {
            return Mono.just(envelopes);
        }
        return withRetries(handler, envelopes).thenReturn(envelopes)
                .onErrorResume(failure -> !Failures.isTransient(failure) && envelopes.size() > 1,
                        failure -> Flux.fromIterable(decoded)
                                .concatMap(one -> withRetries(handler, List.of(one.envelope())).thenReturn(one.envelope())
                                        .onErrorResume(alone -> !Failures.isTransient(alone),
                                                alone -> deadLetter(groupId, one.record(), alone).then(Mono.empty())))
                                .collectList())
                .onErrorResume(failure -> !Failures.isTransient(failure) && envelopes.size() == 1,
                        failure -> deadLetter(groupId, decoded.get(0).record(), failure).thenReturn(List.of()));
    }

    private static Mono<Void> withRetries(Function<List<EventEnvelope>, Mono<Void>> handler, List<EventEnvelope> events) {
        return Mono.defer(() -> handler.apply(events))
                .retryWhen(Retry.backoff(HANDLING_ATTEMPTS - 1, FIRST_RETRY_BACKOFF)
                        .filter(failure -> !Failures.isTransient(failure))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    /** Publishes the record as it came, plus why, to its topic's dead-letter topic; completes once the broker has it. */
    private Mono<Void> deadLetter(String groupId, ConsumerRecord<String, byte[]> record, Throwable failure) {
        log.error("Dead-lettering {}-{}@{} for group {}: {}", record.topic(), record.partition(), record.offset(),
                groupId, failure.toString());
        ProducerRecord<String, byte[]> letter = DeadLetters.letter(groupId, record, failure);
        return deadLetterSender().send(Mono.just(SenderRecord.create(letter, null)))
                .flatMap(result -> result.exception() == null ? Mono.<Void>empty() : Mono.error(result.exception()))
                .then();
    }

    private synchronized KafkaSender<String, byte[]> deadLetterSender() {
        if (deadLetterSender == null) {
            Map<String, Object> config = Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.CLIENT_ID_CONFIG, "dead-letters-" + UUID.randomUUID(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            deadLetterSender = KafkaSender.create(SenderOptions.create(config));
        }
        return deadLetterSender;
    }

    private static Optional<EventEnvelope> decodeOrSkip(ConsumerRecord<String, byte[]> record) {
        try {
            return CloudEventCodec.decode(record);
        } catch (CloudEventCodec.MalformedEventException e) {
            log.warn("Skipping malformed record: {}", e.getMessage());
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

    @Override
    public synchronized void close() {
        if (deadLetterSender != null) {
            deadLetterSender.close();
            deadLetterSender = null;
        }
    }
}
