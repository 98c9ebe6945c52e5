package com.illajwala.kafka;

import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.Topic;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.infrastructure.EmbeddedKafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Poison records on a real broker: dead-lettered with the reason, and the group carries on. */
class EventSubscriberIT {

    @TempDir
    static Path logDir;
    static EmbeddedKafkaBroker broker;
    static EventSubscriber subscriber;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(logDir);
        KafkaTopics.ensureExist(broker.bootstrapServers(), 2, (short) 1);
        subscriber = new EventSubscriber(broker.bootstrapServers());
    }

    @AfterAll
    static void stopBroker() {
        subscriber.close();
        broker.close();
    }

    @Test
    void aRecordThatCannotBeReadIsDeadLetteredAndTheNextOneIsStillHandled() {
        String group = "group-" + UUID.randomUUID();
        String poisonKey = "appt-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = CloudEventCodec.encode(booked(poisonKey));
        ProducerRecord<String, byte[]> unreadable = new ProducerRecord<>(poison.topic(), null, poisonKey,
                "{not json".getBytes(StandardCharsets.UTF_8), poison.headers());
        EventEnvelope good = booked("appt-" + UUID.randomUUID());
        send(unreadable);
        send(CloudEventCodec.encode(good));
        Set<String> handled = ConcurrentHashMap.newKeySet();

        Disposable consumer = consume(group, events -> Mono.fromRunnable(() -> events.forEach(e -> handled.add(e.id()))));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> handled.contains(good.id()));
            ConsumerRecord<String, byte[]> letter = deadLetterOf(group, poisonKey);
            assertThat(letter.value()).isEqualTo(unreadable.value());
            assertThat(header(letter, "ce_type")).isEqualTo("com.illajwala.appointment.booked.v1");
            assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo(Topic.APPOINTMENT.topicName());
            assertThat(header(letter, DeadLetters.ERROR)).contains("unreadable");
        } finally {
            consumer.dispose();
        }
    }

    @Test
    void anEventWhoseHandlingKeepsFailingIsDeadLetteredAfterRetriesAndTheRestOfItsBatchIsHandled() {
        String group = "group-" + UUID.randomUUID();
        EventEnvelope failing = booked("appt-" + UUID.randomUUID());
        EventEnvelope fine = booked("appt-" + UUID.randomUUID());
        send(CloudEventCodec.encode(failing));
        send(CloudEventCodec.encode(fine));
        AtomicInteger attemptsAtFailing = new AtomicInteger();
        Set<String> handled = ConcurrentHashMap.newKeySet();

        Disposable consumer = consume(group, events -> Mono.fromRunnable(() -> {
            if (events.stream().anyMatch(e -> e.id().equals(failing.id()))) {
                attemptsAtFailing.incrementAndGet();
                throw new IllegalStateException("cannot handle " + failing.id());
            }
            events.forEach(e -> handled.add(e.id()));
        }));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> handled.contains(fine.id()));
            ConsumerRecord<String, byte[]> letter = deadLetterOf(group, failing.subject());
            assertThat(header(letter, DeadLetters.ERROR)).isEqualTo("cannot handle " + failing.id());
            assertThat(header(letter, DeadLetters.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
            assertThat(header(letter, "ce_id")).isEqualTo(failing.id());
            assertThat(attemptsAtFailing.get()).isGreaterThanOrEqualTo(EventSubscriber.HANDLING_ATTEMPTS);
            assertThat(handled).doesNotContain(failing.id());
        } finally {
            consumer.dispose();
        }
    }

    @Test
    void anOutageIsWaitedOutNeverDeadLettered() {
        String group = "group-" + UUID.randomUUID();
        EventEnvelope event = booked("appt-" + UUID.randomUUID());
        send(CloudEventCodec.encode(event));
        AtomicInteger attempts = new AtomicInteger();
        Set<String> handled = ConcurrentHashMap.newKeySet();

        Disposable consumer = consume(group, events -> Mono.fromRunnable(() -> {
            if (events.stream().anyMatch(e -> e.id().equals(event.id())) && attempts.incrementAndGet() <= 5) {
                throw new IllegalStateException("store down", new java.net.ConnectException("Connection refused"));
            }
            events.forEach(e -> handled.add(e.id()));
        }));
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> handled.contains(event.id()));
            assertThat(attempts.get()).isGreaterThan(5);
            assertThat(TopicReader.readAll(broker.bootstrapServers(), Topic.APPOINTMENT.deadLetterTopicName()))
                    .noneMatch(letter -> group.equals(header(letter, DeadLetters.GROUP)));
        } finally {
            consumer.dispose();
        }
    }

    private static Disposable consume(String group, Function<List<EventEnvelope>, Mono<Void>> handler) {
        return subscriber.consume(group, List.of(Topic.APPOINTMENT), handler).subscribe();
    }

    private static ConsumerRecord<String, byte[]> deadLetterOf(String group, String key) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicReader.readAll(broker.bootstrapServers(), Topic.APPOINTMENT.deadLetterTopicName()).stream()
                        .filter(letter -> key.equals(letter.key()) && group.equals(header(letter, DeadLetters.GROUP)))
                        .findFirst().orElse(null),
                letter -> letter != null);
    }

    private static EventEnvelope booked(String appointmentId) {
        Instant start = Instant.parse("2026-12-01T03:30:00Z");
        return new EventEnvelope(UUID.randomUUID().toString(), Instant.now(), 0,
                new AppointmentBooked(appointmentId, "apollo", "slot-1", "doc-1", "clinic-1", "patient-1", null, start,
                        start.plusSeconds(1800), "Asia/Kolkata", ConsultationMode.CLINIC, AppointmentStatus.CONFIRMED));
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
