package com.illajwala.projections.schedule;

import com.illajwala.events.Topic;
import com.illajwala.kafka.EventEnvelope;
import com.illajwala.kafka.EventSubscriber;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.List;

/**
 * This instance's one broadcast consumer of the appointment topic, shared by every open schedule
 * stream: opening a stream never opens a Kafka consumer (a group join takes a second or two).
 */
@Component
public class ScheduleStreamHub implements SmartLifecycle {

    private final EventSubscriber subscriber;
    private final Sinks.Many<EventEnvelope> updates = Sinks.many().multicast().directBestEffort();
    private volatile Disposable subscription;
    private volatile boolean live;

    public ScheduleStreamHub(EventSubscriber subscriber) {
        this.subscriber = subscriber;
    }

    /** Appointment events from the moment of subscription on. */
    public Flux<EventEnvelope> updates() {
        return updates.asFlux();
    }

    /** Whether the hub receives events yet; events committed before that only reach the read models. */
    public boolean isLive() {
        return live;
    }

    @Override
    public void start() {
        subscription = subscriber.broadcast(List.of(Topic.APPOINTMENT), () -> live = true)
                .subscribe(updates::tryEmitNext);
    }

    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        subscription = null;
        live = false;
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
