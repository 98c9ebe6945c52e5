package com.illajwala.projections;

import com.illajwala.projections.doctor.ClinicView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import com.illajwala.events.Topic;
import com.illajwala.events.appointment.AppointmentEvent;
import com.illajwala.events.identity.DoctorOnboarded;
import com.illajwala.events.identity.IdentityEvent;
import com.illajwala.events.waitlist.WaitlistEvent;
import com.illajwala.projections.waitlist.WaitlistView;
import com.illajwala.projections.waitlist.WaitlistViewProjection;
import com.illajwala.projections.doctor.DoctorDirectory;
import com.illajwala.projections.doctor.DoctorSearchCache;
import com.illajwala.events.identity.ClinicRegistered;
import com.illajwala.events.identity.DoctorVerified;
import com.illajwala.events.slot.SlotHoldEnded;
import com.illajwala.events.slot.SlotSeatHeld;
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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The read side's consumer group: applies every booking, waitlist and identity event to its read models.
 * A rebuild drops the read models and replays the topics from their start under a new consumer
 * group (the group's generation is kept in MongoDB, so every instance follows it within seconds).
 */
@Component
public class ProjectionConsumer implements SmartLifecycle {

    /** The read models a rebuild drops and replays. */
    static final List<String> READ_MODELS = List.of(SlotView.COLLECTION, AppointmentView.COLLECTION,
            DoctorView.COLLECTION, ClinicView.COLLECTION, WaitlistView.COLLECTION);
    public static final List<Topic> TOPICS = List.of(Topic.SLOT, Topic.APPOINTMENT, Topic.IDENTITY, Topic.WAITLIST);
    private static final Duration GENERATION_CHECK = Duration.ofSeconds(5);

    private final EventSubscriber subscriber;
    private final ReactiveMongoTemplate mongo;
    private final SlotViewProjection slots;
    private final AppointmentViewProjection appointments;
    private final DoctorViewProjection doctors;
    private final WaitlistViewProjection waitlist;
    private final NextAvailable nextAvailable;
    private final DoctorSearchCache searchCache;
    private final DoctorDirectory directory;
    private final String groupId;
    private volatile Disposable subscription;
    private volatile Disposable generationWatch;
    private volatile long generation;

    public ProjectionConsumer(EventSubscriber subscriber, ReactiveMongoTemplate mongo, SlotViewProjection slots,
                              AppointmentViewProjection appointments, DoctorViewProjection doctors,
                              WaitlistViewProjection waitlist,
                              NextAvailable nextAvailable, DoctorSearchCache searchCache, DoctorDirectory directory,
                              @Value("${illajwala.projections.group-id:projections}") String groupId) {
        this.subscriber = subscriber;
        this.mongo = mongo;
        this.slots = slots;
        this.appointments = appointments;
        this.doctors = doctors;
        this.waitlist = waitlist;
        this.nextAvailable = nextAvailable;
        this.searchCache = searchCache;
        this.directory = directory;
        this.groupId = groupId;
    }

    /**
     * Applies a batch of events to the read models they concern, in order; applying them again
     * changes nothing. The batch's writes go to MongoDB together (see {@link ReadModelWrites}); then
     * the doctors whose profile or next slot changed are refreshed in the {@link DoctorDirectory}.
     */
    public Mono<Void> apply(List<EventEnvelope> envelopes) {
        ReadModelWrites writes = new ReadModelWrites();
        Set<String> slotIds = new LinkedHashSet<>();
        Set<String> onboarded = new HashSet<>();
        Set<String> doctorsChanged = new HashSet<>();
        boolean clinicsChanged = false;
        for (EventEnvelope envelope : envelopes) {
            Object event = envelope.data();
            if (event instanceof SlotEvent slotEvent) {
                slots.on(slotEvent, envelope.sequence(), envelope.time(), writes);
                if (!(slotEvent instanceof SlotSeatHeld || slotEvent instanceof SlotHoldEnded)) {
                    slotIds.add(slotEvent.slotId()); // holds leave a slot open or closed as it was
                }
            } else if (event instanceof AppointmentEvent appointmentEvent) {
                appointments.on(appointmentEvent, envelope.sequence(), envelope.time(), writes);
            } else if (event instanceof WaitlistEvent waitlistEvent) {
                waitlist.on(waitlistEvent, envelope.sequence(), envelope.time(), writes);
            } else if (event instanceof IdentityEvent identityEvent) {
                doctors.on(identityEvent, envelope.sequence(), envelope.time(), writes);
                if (identityEvent instanceof DoctorOnboarded doctor) {
                    onboarded.add(doctor.doctorId());
                    doctorsChanged.add(doctor.doctorId());
                } else if (identityEvent instanceof DoctorVerified doctor) {
                    doctorsChanged.add(doctor.doctorId());
                } else if (identityEvent instanceof ClinicRegistered) {
                    clinicsChanged = true; // its city goes to the doctors already there
                }
            }
        }
        boolean everyone = clinicsChanged;
        return writes.commit(mongo)
                .then(nextAvailable.afterBatch(slotIds, onboarded))
                .flatMap(moved -> {
                    doctorsChanged.addAll(moved);
                    return everyone ? directory.changedAll() : directory.changed(doctorsChanged);
                });
    }

    /** The read models' state, one document per consumer group. */
    record ProjectionState(@Id String id, long generation) {

        static final String COLLECTION = "projection_state";
    }

    /** The consumer group of a generation: the configured one, then one per rebuild. */
    public String groupOf(long generation) {
        return generation == 0 ? groupId : groupId + "-rebuild-" + generation;
    }

    public long generation() {
        return generation;
    }

    @Override
    public void start() {
        follow(storedGeneration().block(Duration.ofSeconds(30)));
        generationWatch = Flux.interval(GENERATION_CHECK).onBackpressureDrop()
                .concatMap(tick -> storedGeneration().onErrorResume(e -> Mono.empty()))
                .filter(stored -> stored != generation)
                .publishOn(Schedulers.boundedElastic())
                .subscribe(this::follow);
    }

    /**
     * Drops every read model and replays the topics from their start under the next generation's
     * group. Reads answer from what is rebuilt so far until the replay catches up.
     *
     * @return the new generation
     */
    public Mono<Long> rebuild() {
        // dropped before the generation moves on: no consumer of the new group writes before the drop
        return Mono.fromRunnable(this::stopConsuming)
                .then(Flux.fromIterable(READ_MODELS).concatMap(mongo::dropCollection).then())
                .then(searchCache.invalidateAll())
                .then(directory.changedAll())
                .then(mongo.findAndModify(Query.query(Criteria.where("_id").is(groupId)), new Update().inc("generation", 1),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), ProjectionState.class,
                        ProjectionState.COLLECTION))
                .map(ProjectionState::generation)
                .flatMap(next -> Mono.fromRunnable(() -> follow(next)).subscribeOn(Schedulers.boundedElastic()).thenReturn(next));
    }

    private Mono<Long> storedGeneration() {
        return mongo.findById(groupId, ProjectionState.class, ProjectionState.COLLECTION)
                .map(ProjectionState::generation)
                .defaultIfEmpty(0L);
    }

    private synchronized void follow(long next) {
        stopConsuming();
        generation = next;
        ensureIndexes().block(Duration.ofSeconds(30));
        subscription = subscriber.consume(groupOf(next), TOPICS, this::apply).subscribe();
    }

    private synchronized void stopConsuming() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        subscription = null;
    }

    private Mono<Void> ensureIndexes() {
        return Mono.when(
                mongo.indexOps(SlotView.COLLECTION).ensureIndex(new Index().on("doctorId", Sort.Direction.ASC).on("start", Sort.Direction.ASC)),
                mongo.indexOps(SlotView.COLLECTION).ensureIndex(new Index().on("localDate", Sort.Direction.ASC).on("status", Sort.Direction.ASC)),
                mongo.indexOps(SlotView.COLLECTION).ensureIndex(new Index().on("scheduleId", Sort.Direction.ASC).on("start", Sort.Direction.ASC)),
                mongo.indexOps(SlotView.COLLECTION).ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("lastUpdated", Sort.Direction.ASC)),
                mongo.indexOps(DoctorView.COLLECTION).ensureIndex(new Index().on("nextAvailable", Sort.Direction.ASC)),
                mongo.indexOps(AppointmentView.COLLECTION).ensureIndex(new Index().on("patientId", Sort.Direction.ASC).on("start", Sort.Direction.ASC)),
                mongo.indexOps(AppointmentView.COLLECTION).ensureIndex(new Index().on("doctorId", Sort.Direction.ASC).on("start", Sort.Direction.ASC)),
                mongo.indexOps(DoctorView.COLLECTION).ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("specialization", Sort.Direction.ASC)));
    }

    @Override
    public void stop() {
        Disposable watch = generationWatch;
        if (watch != null) {
            watch.dispose();
        }
        stopConsuming();
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
