package com.illajwala.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * An integrator's consumer, written only against the published contract: follows one tenant's
 * appointments on {@code illajwala.appointment.v1} from the start of the topic and prints each fact.
 * It reads the CloudEvents headers itself, keeps only records whose {@code ce_tenantid} is the tenant,
 * drops a record whose {@code ce_id} it has printed already (delivery is at least once), and skips
 * types it does not know (later versions may add some).
 *
 * <pre>
 *   ./examples/follow-appointments apollo                         # follows until stopped
 *   ./examples/follow-appointments apollo --until-caught-up       # stops at the end of the topic
 *   ./examples/follow-appointments apollo --bootstrap-servers kafka:9092
 * </pre>
 */
public final class FollowAppointments {

    static final String TOPIC = "illajwala.appointment.v1";
    static final String TYPE_PREFIX = "com.illajwala.appointment.";
    private static final int REMEMBERED_IDS = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm");

    /** What to follow, and where. */
    public record Options(String tenantId, String bootstrapServers, boolean untilCaughtUp) {

        static Options parse(String[] args) {
            String tenant = null;
            String bootstrap = Optional.ofNullable(System.getenv("ILLAJWALA_KAFKA_BOOTSTRAP_SERVERS")).orElse("localhost:9092");
            boolean untilCaughtUp = false;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--bootstrap-servers") && i + 1 < args.length) {
                    bootstrap = args[++i];
                } else if (args[i].equals("--until-caught-up")) {
                    untilCaughtUp = true;
                } else if (!args[i].startsWith("--") && tenant == null) {
                    tenant = args[i];
                } else {
                    throw new IllegalArgumentException("Unknown argument " + args[i]);
                }
            }
            if (tenant == null) {
                throw new IllegalArgumentException("Usage: follow-appointments <tenant> [--bootstrap-servers host:port] [--until-caught-up]");
            }
            return new Options(tenant, bootstrap, untilCaughtUp);
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        follow(options, System.out, () -> false);
    }

    /**
     * Prints the tenant's appointment facts from the start of the topic, until caught up (when asked) or
     * until {@code stop} says so.
     */
    public static void follow(Options options, PrintStream out, BooleanSupplier stop) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Boolean> printed = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED_IDS;
            }
        };
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            // No consumer group: every run reads the whole topic. A service would join a group and commit
            // its offsets so that a restart goes on where it stopped.
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(partition -> new TopicPartition(TOPIC, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            out.printf("Following %s's appointments on %s at %s%n", options.tenantId(), TOPIC, options.bootstrapServers());
            while (!stop.getAsBoolean()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String id = header(record, "ce_id");
                    if (options.tenantId().equals(header(record, "ce_tenantid")) && printed.put(id, Boolean.TRUE) == null) {
                        describe(record).ifPresent(out::println);
                    }
                }
                if (options.untilCaughtUp() && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                    out.println("Caught up.");
                    return;
                }
            }
        }
    }

    /** One line per fact: what happened, to which appointment, and when it is, in the clinic's time zone. */
    static Optional<String> describe(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "ce_type");
        if (type == null || !type.startsWith(TYPE_PREFIX)) {
            return Optional.empty();
        }
        JsonNode data;
        try {
            data = JSON.readTree(record.value());
        } catch (IOException e) {
            return Optional.empty();
        }
        String what = type.substring(TYPE_PREFIX.length(), type.lastIndexOf('.'));
        StringBuilder line = new StringBuilder(String.format("%-22s %-40s", what, data.path("appointmentId").asText()));
        if (data.hasNonNull("start") && data.hasNonNull("timezone")) {
            ZoneId zone = ZoneId.of(data.get("timezone").asText());
            line.append(' ').append(WHEN.format(Instant.parse(data.get("start").asText()).atZone(zone)))
                    .append(' ').append(zone);
        }
        for (String field : List.of("doctorId", "patientId", "mode", "reason", "by")) {
            if (data.hasNonNull(field)) {
                line.append("  ").append(field).append('=').append(data.get(field).asText());
            }
        }
        return Optional.of(line.toString());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
