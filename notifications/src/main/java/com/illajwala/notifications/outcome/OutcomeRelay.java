package com.illajwala.notifications.outcome;

import com.illajwala.events.notification.NotificationCapped;
import com.illajwala.events.notification.NotificationEvent;
import com.illajwala.events.notification.NotificationFailed;
import com.illajwala.events.notification.NotificationSent;
import com.illajwala.events.notification.NotificationSkipped;
import com.illajwala.kafka.EventEnvelope;
import com.illajwala.kafka.EventPublisher;
import com.illajwala.notifications.delivery.Deliveries;
import com.illajwala.notifications.delivery.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Publishes each final outcome as an event: rows decided and not yet published are locked ({@code FOR
 * UPDATE SKIP LOCKED}, so instances share the work), published with the idempotent producer, and marked
 * published in the same transaction once the broker has acknowledged them. A crash or a broker outage
 * leaves them unmarked, to be published again: at least once, with a stable {@code ce_id}.
 */
public final class OutcomeRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRelay.class);
    private static final int BATCH = 200;
    private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(30);

    private final Deliveries deliveries;
    private final TransactionTemplate transactions;
    private final Supplier<EventPublisher> publishers;
    private final Duration interval;
    private final Clock clock;
    private final Scheduler database;
    private volatile EventPublisher publisher;
    private volatile Disposable polling;

    public OutcomeRelay(Deliveries deliveries, TransactionTemplate transactions, Supplier<EventPublisher> publishers,
                        Duration interval, Clock clock, Scheduler database) {
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.publishers = publishers;
        this.interval = interval;
        this.clock = clock;
        this.database = database;
    }

    /** The outcome of a decided row as its event. */
    public static NotificationEvent eventOf(Notification row) {
        return switch (row.status()) {
            case SENT -> new NotificationSent(row.notificationId(), row.tenantId(), row.eventId(), row.appointmentId(),
                    row.waitlistEntryId(), row.patientId(), row.channel(), row.kind(), row.decidedAt());
            case SKIPPED -> new NotificationSkipped(row.notificationId(), row.tenantId(), row.eventId(), row.appointmentId(),
                    row.waitlistEntryId(), row.patientId(), row.channel(), row.kind(), row.decidedAt(), row.reason());
            case CAPPED -> new NotificationCapped(row.notificationId(), row.tenantId(), row.eventId(), row.appointmentId(),
                    row.waitlistEntryId(), row.patientId(), row.channel(), row.kind(), row.decidedAt());
            case FAILED -> new NotificationFailed(row.notificationId(), row.tenantId(), row.eventId(), row.appointmentId(),
                    row.waitlistEntryId(), row.patientId(), row.channel(), row.kind(), row.decidedAt(), row.reason());
            case PENDING -> throw new IllegalArgumentException("A pending notification has no outcome yet");
        };
    }

    /** Publishes every decided outcome not yet published; answers how many. */
    public int publishDecided() {
        int published = 0;
        int batch;
        do {
            Integer count = transactions.execute(status -> {
                List<Notification> decided = deliveries.lockUnpublished(BATCH);
                if (!decided.isEmpty()) {
                    publisher.publish(decided.stream().map(OutcomeRelay::envelope).toList()).block(ACKNOWLEDGEMENT_TIMEOUT);
                    deliveries.markPublished(decided.stream().map(Notification::notificationId).toList(), clock.instant());
                }
                return decided.size();
            });
            batch = count == null ? 0 : count;
            published += batch;
        } while (batch == BATCH);
        return published;
    }

    private static EventEnvelope envelope(Notification row) {
        String eventId = UUID.nameUUIDFromBytes(("outcome|" + row.notificationId()).getBytes(StandardCharsets.UTF_8)).toString();
        return new EventEnvelope(eventId, row.decidedAt(), 0, eventOf(row));
    }

    @Override
    public void start() {
        publisher = publishers.get();
        polling = Flux.interval(interval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(this::publishDecided).subscribeOn(database)
                        .onErrorResume(failure -> {
                            log.warn("Publishing notification outcomes failed; trying again: {}", failure.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = polling;
        if (current != null) {
            current.dispose();
        }
        polling = null;
        if (publisher != null) {
            publisher.close();
        }
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}
