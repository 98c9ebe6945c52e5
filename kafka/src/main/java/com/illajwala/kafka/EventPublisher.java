package com.illajwala.kafka;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;
import reactor.kafka.sender.SenderRecord;

import java.util.List;
import java.util.Map;

/**
 * Publishes events with an idempotent producer ({@code acks=all}), preserving their order per
 * aggregate; {@link #publish} completes only once the broker has acknowledged every event.
 */
public final class EventPublisher implements AutoCloseable {

    private final KafkaSender<String, byte[]> sender;

    public EventPublisher(String bootstrapServers, String clientId) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        this.sender = KafkaSender.create(SenderOptions.<String, byte[]>create(config).stopOnError(true));
    }

    /** Sends the events in the given order; fails if any of them is not acknowledged. */
    public Mono<Void> publish(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        return sender.send(Flux.fromIterable(events).map(e -> SenderRecord.create(CloudEventCodec.encode(e), e.id())))
                .then();
    }

    @Override
    public void close() {
        sender.close();
    }
}
