package com.illajwala.infrastructure;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddedKafkaBrokerIT {

    @TempDir
    Path logDir;

    @Test
    void keepsItsPortAndItsRecordsAcrossARestart() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir)) {
            String address = broker.bootstrapServers();
            produce(address, "before-restart");

            broker.stop();
            broker.start();

            assertThat(broker.bootstrapServers()).isEqualTo(address);
            produce(address, "after-restart");
            assertThat(readAll(address)).containsExactly("before-restart", "after-restart");
        }
    }

    @Test
    void aNewBrokerOverTheSameDirectoryFindsTheRecords() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir)) {
            produce(broker.bootstrapServers(), "kept");
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir)) {
            assertThat(readAll(broker.bootstrapServers())).containsExactly("kept");
        }
    }

    private static void produce(String address, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, address,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000))) {
            producer.send(new ProducerRecord<>("probe", 0, "key", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(String address) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, address,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            TopicPartition partition = new TopicPartition("probe", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return consumer.position(partition) >= end;
            });
            return values;
        }
    }
}
