package com.illajwala.booking.outbox;

import com.illajwala.booking.BookingFixtures;
import org.springframework.context.ApplicationContext;
import com.illajwala.eventstore.outbox.OutboxRelay;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.Topic;
import com.illajwala.infrastructure.EmbeddedKafkaBroker;
import com.illajwala.infrastructure.InfrastructureReport;
import com.illajwala.infrastructure.InfrastructureResolver;
import com.illajwala.kafka.TopicReader;
import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay's token moves only once Kafka acknowledged: with the broker down, bookings still
 * commit, the token stays behind them, and every one of them is published once the broker is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "illajwala.kafka.partitions=1")
class OutboxRelayIT {

    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    @Autowired
    InfrastructureResolver infrastructure;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    WebTestClient client;
    @Autowired
    AccessTokens tokens;

    @Test
    void bookingsMadeWhileKafkaIsDownArePublishedWhenItReturnsAndTheTokenWaitsForThem() {
        assumeThat(infrastructure.report().sourceOf("kafka")).isEqualTo(InfrastructureReport.Source.EMBEDDED);
        EmbeddedKafkaBroker broker = infrastructure.embeddedKafka();
        String slotId = publishSlot();
        await().atMost(Duration.ofSeconds(30)).until(() -> relayedIndex() >= headIndex());

        broker.stop();
        try {
            client.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(new Caller("patient-1",
                            "patient-1@example.test", Role.PATIENT, Caller.PLATFORM_TENANT, null)))
                    .bodyValue(Map.of("slotId", slotId))
                    .exchange()
                    .expectStatus().isCreated();
            long bookedAt = headIndex();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> relayedIndex() < bookedAt);
        } finally {
            broker.start();
        }

        long bookedAt = headIndex();
        await().atMost(Duration.ofSeconds(90)).until(() -> relayedIndex() >= bookedAt);
        assertThat(TopicReader.readAll(String.join(",", kafka.getBootstrapServers()), Topic.SLOT.topicName()))
                .filteredOn(record -> slotId.equals(record.key()))
                .extracting(record -> new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .contains("com.illajwala.slot.published.v1", "com.illajwala.slot.seat-booked.v1");
    }

    private String publishSlot() {
        Instant start = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return new BookingFixtures(context).slotOfNewDoctor("apollo", "doctor-" + UUID.randomUUID(), start, 1,
                Set.of(ConsultationMode.CLINIC)).slotId();
    }

    private long headIndex() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    /** The global index up to which the relay has published, from its stored tracking token. */
    private long relayedIndex() {
        return jdbc.queryForList("SELECT convert_from(token, 'UTF8') FROM token_entry WHERE processor_name = ?",
                        String.class, OutboxRelay.PROCESSING_GROUP).stream()
                .filter(Objects::nonNull)
                .map(TOKEN_INDEX::matcher)
                .filter(Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1)))
                .max().orElse(-1);
    }
}
