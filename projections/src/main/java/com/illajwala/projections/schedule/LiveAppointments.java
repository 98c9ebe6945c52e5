package com.illajwala.projections.schedule;

import com.illajwala.events.IllajwalaEvent;
import com.illajwala.events.Topic;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentCancelled;
import com.illajwala.events.appointment.AppointmentConfirmed;
import com.illajwala.events.appointment.AppointmentEvent;
import com.illajwala.events.appointment.AppointmentMarkedNoShow;
import com.illajwala.events.appointment.AppointmentReminderDue;
import com.illajwala.events.appointment.AppointmentRescheduled;
import com.illajwala.events.waitlist.WaitlistEvent;
import com.illajwala.events.waitlist.WaitlistJoined;
import com.illajwala.events.waitlist.WaitlistOfferMade;
import com.illajwala.kafka.EventEnvelope;
import com.illajwala.kafka.EventSubscriber;
import com.illajwala.projections.appointment.AppointmentView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * This instance's one broadcast consumer of the appointment and waitlist topics, shared by every
 * open stream: opening a stream never opens a Kafka consumer. The doctor's board follows
 * appointments; a patient's own stream also their waitlist entries (an offer made to them, its
 * lapse, their booking from it). Each change is numbered in the order this instance
 * received it, and the last {@value #REPLAYABLE} are kept, so a stream that reconnects with the
 * number of the last change it saw gets exactly the ones after it, then the live ones: nothing lost,
 * nothing twice. Numbers belong to this instance's run ({@code epoch}); a stream resuming from
 * another run, or from further back than is kept, is told to reload instead.
 */
@Component
public class LiveAppointments implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveAppointments.class);
    static final int REPLAYABLE = 10_000;
    /** Changes a slow stream may fall behind by before it is closed; it reconnects and resumes. */
    private static final int MOST_BEHIND = 4_096;
    private static final int PATIENTS_REMEMBERED = 100_000;

    /**
     * An appointment or waitlist event as the streams number it.
     *
     * @param patientId the patient the appointment or waitlist entry belongs to, for the patient's own stream
     */
    public record Change(String id, long number, EventEnvelope envelope, String patientId) {

        public IllajwalaEvent event() {
            return (IllajwalaEvent) envelope.data();
        }
    }

    /** The changes to send: after the one asked for, or, when that cannot be resumed here, live ones after a reload. */
    public record Subscription(boolean reload, Flux<Change> changes) {
    }

    private final EventSubscriber subscriber;
    private final ReactiveMongoTemplate mongo;
    private final String epoch = UUID.randomUUID().toString().substring(0, 8);
    private final Object lock = new Object();
    private final Deque<Change> recent = new ArrayDeque<>();
    private final List<Sinks.Many<Change>> streams = new ArrayList<>();
    /** By appointment id or waitlist entry id (both random UUIDs). */
    private final Map<String, String> patientOfAggregate = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > PATIENTS_REMEMBERED;
        }
    };
    private long lastNumber;
    private volatile Disposable subscription;
    private volatile boolean live;

    public LiveAppointments(EventSubscriber subscriber, ReactiveMongoTemplate mongo) {
        this.subscriber = subscriber;
        this.mongo = mongo;
    }

    /** Whether changes arrive yet; events committed before that only reach the read models. */
    public boolean isLive() {
        return live;
    }

    /** @param lastEventId the {@code Last-Event-ID} a reconnecting stream sends, or null for a new one */
    public Subscription subscribe(String lastEventId) {
        Sinks.Many<Change> stream = Sinks.many().unicast().onBackpressureBuffer(Queues.<Change>get(MOST_BEHIND).get());
        List<Change> missed = new ArrayList<>();
        boolean reload;
        synchronized (lock) {
            streams.add(stream);
            Long after = numberIn(lastEventId);
            long oldestKept = recent.isEmpty() ? lastNumber + 1 : recent.peekFirst().number();
            reload = lastEventId != null && (after == null || after < oldestKept - 1 || after > lastNumber);
            if (after != null && !reload) {
                recent.stream().filter(change -> change.number() > after).forEach(missed::add);
            }
        }
        Flux<Change> changes = Flux.concat(Flux.fromIterable(missed), stream.asFlux())
                .doFinally(signal -> {
                    synchronized (lock) {
                        streams.remove(stream);
                    }
                });
        return new Subscription(reload, changes);
    }

    private Long numberIn(String eventId) {
        if (eventId == null || !eventId.startsWith(epoch + "-")) {
            return null;
        }
        try {
            return Long.parseLong(eventId.substring(epoch.length() + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Mono<Void> receive(EventEnvelope envelope) {
        Mono<String> patient;
        if (envelope.data() instanceof AppointmentEvent appointment) {
            patient = patientOf(appointment);
        } else if (envelope.data() instanceof WaitlistEvent entry) {
            patient = patientOf(entry);
        } else {
            return Mono.empty();
        }
        return patient.defaultIfEmpty("").doOnNext(patientId -> {
            synchronized (lock) {
                long number = ++lastNumber;
                Change change = new Change(epoch + "-" + number, number, envelope, patientId.isEmpty() ? null : patientId);
                recent.addLast(change);
                if (recent.size() > REPLAYABLE) {
                    recent.removeFirst();
                }
                // a stream's subscriber may cancel, and so leave the list, while it is handed the change
                for (Sinks.Many<Change> stream : List.copyOf(streams)) {
                    if (stream.tryEmitNext(change).isFailure()) {
                        streams.remove(stream);
                    }
                }
            }
        }).then().onErrorResume(e -> {
            log.error("Live appointment change not delivered: {}", envelope.id(), e);
            return Mono.empty();
        });
    }

    /** From the event when it names the patient, else from the appointment this instance or the read model knows. */
    private Mono<String> patientOf(AppointmentEvent event) {
        String named = null;
        if (event instanceof AppointmentBooked booked) {
            named = booked.patientId();
        } else if (event instanceof AppointmentCancelled cancelled) {
            named = cancelled.patientId();
        } else if (event instanceof AppointmentConfirmed confirmed) {
            named = confirmed.patientId();
        } else if (event instanceof AppointmentMarkedNoShow noShow) {
            named = noShow.patientId();
        } else if (event instanceof AppointmentReminderDue due) {
            named = due.patientId();
        } else if (event instanceof AppointmentRescheduled moved) {
            named = moved.patientId();
        }
        if (named != null) {
            remember(event.appointmentId(), named);
            return Mono.just(named);
        }
        String known = remembered(event.appointmentId());
        return known != null ? Mono.just(known)
                : mongo.findById(event.appointmentId(), AppointmentView.class, AppointmentView.COLLECTION)
                .map(AppointmentView::patientId)
                .onErrorResume(e -> Mono.empty());
    }

    /**
     * Joining and offers name the patient; the entry's later events (lapse, booking, decline) reach
     * them through what this instance remembers. The waitlist read model keeps no patients, so an
     * entry not seen since this instance started reaches nobody's stream: the app reloads the
     * waitlist whenever a stream (re)connects.
     */
    private Mono<String> patientOf(WaitlistEvent event) {
        String named = null;
        if (event instanceof WaitlistJoined joined) {
            named = joined.patientId();
        } else if (event instanceof WaitlistOfferMade offer) {
            named = offer.patientId();
        }
        if (named != null) {
            remember(event.entryId(), named);
            return Mono.just(named);
        }
        return Mono.justOrEmpty(remembered(event.entryId()));
    }

    private void remember(String aggregateId, String patientId) {
        synchronized (lock) {
            patientOfAggregate.put(aggregateId, patientId);
        }
    }

    private String remembered(String aggregateId) {
        synchronized (lock) {
            return patientOfAggregate.get(aggregateId);
        }
    }

    @Override
    public void start() {
        subscription = subscriber.broadcast(List.of(Topic.APPOINTMENT, Topic.WAITLIST), () -> live = true)
                .concatMap(this::receive)
                .subscribe();
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
