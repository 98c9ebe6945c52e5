package com.illajwala.projections;

import com.illajwala.events.Topic;
import com.illajwala.events.appointment.AppointmentEvent;
import com.illajwala.events.identity.IdentityEvent;
import com.illajwala.projections.doctor.DoctorSearchCache;
import com.illajwala.projections.doctor.DoctorView;
import com.illajwala.projections.doctor.DoctorViewProjection;
import com.illajwala.projections.doctor.NextAvailable;
import com.illajwala.events.slot.SlotEvent;
import com.illajwala.kafka.EventEnvelope;
import com.illajwala.kafka.EventSubscriber;
import com.illajwala.projections.appointment.AppointmentView;
import com.illajwala.projections.appointment.AppointmentViewProjection;
import com.illajwala.projections.slot.SlotView;
import com.illajwala.projections.slot.SlotViewProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/** The read side's consumer group: applies every booking and identity event to its read models. */
@Component
public class ProjectionConsumer implements SmartLifecycle {

    private final EventSubscriber subscriber;
    private final ReactiveMongoTemplate mongo;
    private final SlotViewProjection slots;
    private final AppointmentViewProjection appointments;
    private final DoctorViewProjection doctors;
    private final NextAvailable nextAvailable;
    private final DoctorSearchCache searchCache;
    private final String groupId;
    private volatile Disposable subscription;

    public ProjectionConsumer(EventSubscriber subscriber, ReactiveMongoTemplate mongo, SlotViewProjection slots,
                              AppointmentViewProjection appointments, DoctorViewProjection doctors,
                              NextAvailable nextAvailable, DoctorSearchCache searchCache,
                              @Value("${illajwala.projections.group-id:projections}") String groupId) {
        this.subscriber = subscriber;
        this.mongo = mongo;
        this.slots = slots;
        this.appointments = appointments;
        this.doctors = doctors;
        this.nextAvailable = nextAvailable;
        this.searchCache = searchCache;
        this.groupId = groupId;
    }

    /** Applies one event to the read models it concerns; applying it again changes nothing. */
    public Mono<Void> apply(EventEnvelope envelope) {
        if (envelope.data() instanceof SlotEvent slotEvent) {
            return slots.on(slotEvent, envelope.sequence()).then(nextAvailable.slotChanged(slotEvent));
        }
        if (envelope.data() instanceof AppointmentEvent appointmentEvent) {
            return appointments.on(appointmentEvent, envelope.sequence(), envelope.time());
        }
        if (envelope.data() instanceof IdentityEvent identityEvent) {
            return doctors.on(identityEvent, envelope.sequence()).then(searchCache.invalidate(identityEvent.tenantId()));
        }
        return Mono.empty();
    }

    @Override
    public void start() {
        ensureIndexes().block(Duration.ofSeconds(30));
        subscription = subscriber.consume(groupId, List.of(Topic.SLOT, Topic.APPOINTMENT, Topic.IDENTITY), this::apply).subscribe();
    }

    private Mono<Void> ensureIndexes() {
        return Mono.when(
                mongo.indexOps(SlotView.COLLECTION).ensureIndex(new Index().on("doctorId", Sort.Direction.ASC).on("start", Sort.Direction.ASC)),
                mongo.indexOps(SlotView.COLLECTION).ensureIndex(new Index().on("localDate", Sort.Direction.ASC).on("status", Sort.Direction.ASC)),
                mongo.indexOps(DoctorView.COLLECTION).ensureIndex(new Index().on("nextAvailable", Sort.Direction.ASC)),
                mongo.indexOps(AppointmentView.COLLECTION).ensureIndex(new Index().on("patientId", Sort.Direction.ASC).on("start", Sort.Direction.ASC)),
                mongo.indexOps(AppointmentView.COLLECTION).ensureIndex(new Index().on("doctorId", Sort.Direction.ASC).on("start", Sort.Direction.ASC)),
                mongo.indexOps(DoctorView.COLLECTION).ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("specialization", Sort.Direction.ASC)));
    }

    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        subscription = null;
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
