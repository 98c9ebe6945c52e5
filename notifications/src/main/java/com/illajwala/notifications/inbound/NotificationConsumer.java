package com.illajwala.notifications.inbound;

import com.illajwala.events.Topic;
import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.kafka.EventEnvelope;
import com.illajwala.kafka.EventSubscriber;
import com.illajwala.notifications.delivery.Deliveries;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * The consumer group {@value #GROUP}: for each poll's events, in one transaction, keeps their facts and
 * inserts a delivery row per channel for every notification they call for (which channels the patient
 * wants is decided when the row is sent), then lets the offsets commit. A redelivered event inserts
 * nothing new; a replay of the projections (another group) sends nothing.
 */
public final class NotificationConsumer implements SmartLifecycle {

    public static final String GROUP = "notifications";
    public static final List<Topic> TOPICS = List.of(Topic.APPOINTMENT, Topic.WAITLIST, Topic.SCHEDULE);
    private static final EnumSet<NotificationChannel> EVERY_CHANNEL = EnumSet.allOf(NotificationChannel.class);

    private final Supplier<EventSubscriber> subscribers;
    private final NotificationPlanner planner;
    private final Deliveries deliveries;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Scheduler database;
    private volatile EventSubscriber subscriber;
    private volatile Disposable subscription;

    public NotificationConsumer(Supplier<EventSubscriber> subscribers, NotificationPlanner planner, Deliveries deliveries,
                                TransactionTemplate transactions, Clock clock, Scheduler database) {
        this.subscribers = subscribers;
        this.planner = planner;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
        this.database = database;
    }

    /** Plans and records the batch's notifications; idempotent. */
    public Mono<Void> accept(List<EventEnvelope> events) {
        return Mono.<Void>fromRunnable(() -> transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            for (EventEnvelope event : events) {
                planner.plan(event, now).forEach(plan -> deliveries.insert(plan, EVERY_CHANNEL, now));
            }
        })).subscribeOn(database);
    }

    @Override
    public void start() {
        subscriber = subscribers.get();
        subscription = subscriber.consume(GROUP, TOPICS, this::accept).subscribe();
    }

    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        subscription = null;
        if (subscriber != null) {
            subscriber.close();
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
