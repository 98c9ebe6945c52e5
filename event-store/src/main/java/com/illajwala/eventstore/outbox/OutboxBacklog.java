package com.illajwala.eventstore.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the relay has still to publish, on the instance that runs it: {@code illajwala.outbox.backlog},
 * events committed to the store and not yet acknowledged by Kafka, and {@code illajwala.outbox.lag},
 * how long the oldest of them has waited (0 with none waiting). Measured when read, at most every
 * few seconds; an instance that does not hold the relay reports nothing (NaN).
 */
final class OutboxBacklog {

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private record Measure(double events, double seconds, Instant at) {
    }

    private final EventProcessingConfiguration processors;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Measure last = new Measure(Double.NaN, Double.NaN, Instant.EPOCH);

    OutboxBacklog(EventProcessingConfiguration processors, JdbcTemplate jdbc, MeterRegistry meters, Clock clock) {
        this.processors = processors;
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("illajwala.outbox.backlog", this, backlog -> backlog.recent().events()).baseUnit("events")
                .description("Events in the store not yet acknowledged by Kafka").register(meters);
        Gauge.builder("illajwala.outbox.lag", this, backlog -> backlog.recent().seconds()).baseUnit("seconds")
                .description("How long the oldest event not yet on Kafka has waited").register(meters);
    }

    private Measure recent() {
        Measure known = last;
        if (known.at().plus(FRESH_FOR).isAfter(clock.instant())) {
            return known;
        }
        try {
            last = measure();
        } catch (RuntimeException e) {
            log.debug("Outbox backlog not measured: {}", e.toString());
        }
        return last;
    }

    private Measure measure() {
        Instant now = clock.instant();
        OptionalLong published = processors.eventProcessor(OutboxRelay.PROCESSING_GROUP, TrackingEventProcessor.class)
                .flatMap(relay -> relay.processingStatus().values().stream().findFirst())
                .map(EventTrackerStatus::getCurrentPosition)
                .orElse(OptionalLong.empty());
        if (published.isEmpty()) {
            return new Measure(Double.NaN, Double.NaN, now);
        }
        List<String> oldest = jdbc.queryForList("SELECT time_stamp FROM domain_event_entry WHERE global_index > ? "
                + "ORDER BY global_index LIMIT 1", String.class, published.getAsLong());
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return new Measure(head == null ? 0 : Math.max(0, head - published.getAsLong()),
                oldest.isEmpty() ? 0 : Math.max(0, Duration.between(Instant.parse(oldest.get(0)), now).toMillis() / 1000.0), now);
    }
}
