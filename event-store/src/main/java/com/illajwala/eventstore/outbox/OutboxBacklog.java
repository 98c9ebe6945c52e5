package com.illajwala.eventstore.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the relay has still to publish, measured every few seconds on the instance that runs it:
 * {@code illajwala.outbox.backlog}, events committed to the store and not yet acknowledged by Kafka,
 * and {@code illajwala.outbox.lag}, how long the oldest of them has waited (0 with none waiting).
 * An instance that does not hold the relay reports nothing (NaN).
 */
final class OutboxBacklog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);
    private static final Duration MEASURE_EVERY = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processors;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile double events = Double.NaN;
    private volatile double seconds = Double.NaN;
    private volatile Disposable measuring;

    OutboxBacklog(EventProcessingConfiguration processors, JdbcTemplate jdbc, MeterRegistry meters, Clock clock) {
        this.processors = processors;
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("illajwala.outbox.backlog", this, backlog -> backlog.events).baseUnit("events")
                .description("Events in the store not yet acknowledged by Kafka").register(meters);
        Gauge.builder("illajwala.outbox.lag", this, backlog -> backlog.seconds).baseUnit("seconds")
                .description("How long the oldest event not yet on Kafka has waited").register(meters);
    }

    void measure() {
        OptionalLong published = processors.eventProcessor(OutboxRelay.PROCESSING_GROUP, TrackingEventProcessor.class)
                .flatMap(relay -> relay.processingStatus().values().stream().findFirst())
                .map(EventTrackerStatus::getCurrentPosition)
                .orElse(OptionalLong.empty());
        if (published.isEmpty()) {
            events = Double.NaN;
            seconds = Double.NaN;
            return;
        }
        List<String> oldest = jdbc.queryForList("SELECT time_stamp FROM domain_event_entry WHERE global_index > ? "
                + "ORDER BY global_index LIMIT 1", String.class, published.getAsLong());
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        events = head == null ? 0 : Math.max(0, head - published.getAsLong());
        seconds = oldest.isEmpty() ? 0 : Math.max(0, Duration.between(Instant.parse(oldest.get(0)), clock.instant()).toMillis() / 1000.0);
    }

    @Override
    public void start() {
        measuring = Flux.interval(Duration.ZERO, MEASURE_EVERY, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .subscribe(tick -> {
                    try {
                        measure();
                    } catch (RuntimeException e) {
                        log.debug("Outbox backlog not measured: {}", e.toString());
                    }
                });
    }

    @Override
    public void stop() {
        Disposable current = measuring;
        if (current != null) {
            current.dispose();
        }
        measuring = null;
    }

    @Override
    public boolean isRunning() {
        return measuring != null;
    }
}
