package com.illajwala.projections;

import com.illajwala.kafka.ConsumerLag;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
    private volatile ConsumerLag lag;
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
            records = lag.of(projections.groupOf(projections.generation()), ProjectionConsumer.TOPICS);
        } catch (Exception e) {
            log.debug("Projection lag not measured: {}", e.toString());
        }
        return records;
    }

    /** How many records the read side's topics hold: what a rebuild replays. */
    public long recordsInTopics() throws Exception {
        return lag.held(ProjectionConsumer.TOPICS);
    }

    @Override
    public void start() {
        lag = new ConsumerLag(bootstrapServers);
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
        if (lag != null) {
            lag.close();
        }
    }

    @Override
    public boolean isRunning() {
        return measuring != null;
    }
}
