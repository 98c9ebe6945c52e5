package com.illajwala.projections.doctor;

import com.illajwala.projections.ByIds;
import com.illajwala.projections.slot.SlotView;
import org.bson.Document;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Keeps each doctor's {@code nextAvailable}, the start of their next open slot, for search to sort
 * and show. Moved after each batch of slot events, and every minute for doctors whose next slot has
 * started; either way the doctors changed are handed to the {@link DoctorDirectory}.
 *
 * <p>Finding a doctor's next slot again reads the slots, which on the embedded MongoDB-wire server
 * (no secondary indexes) scans all of them: under a booking load, where each booking takes some
 * doctor's next slot, that was half the platform's CPU. So a next slot that closed is looked for
 * again at most once a {@link #LOOK_AGAIN_EVERY}, for all such doctors in one aggregation, and search
 * shows the booked time as next for up to that long. What was still to be looked for when an
 * instance stopped, or died, is found again at the next start, which looks at every doctor once.
 */
@Component
public class NextAvailable implements SmartLifecycle {

    private static final Duration REFRESH_EVERY = Duration.ofMinutes(1);
    static final Duration LOOK_AGAIN_EVERY = Duration.ofSeconds(1);
    private static final String NEXT_AVAILABLE = "nextAvailable";

    private final ReactiveMongoTemplate mongo;
    private final DoctorDirectory directory;
    /** Doctors whose next slot closed: looked for again by the next {@link #lookAgain()}. */
    private final Set<String> toLookAgain = ConcurrentHashMap.newKeySet();
    private volatile Disposable refresher;
    private volatile Disposable lookingAgain;

    NextAvailable(ReactiveMongoTemplate mongo, DoctorDirectory directory) {
        this.mongo = mongo;
        this.directory = directory;
    }

    /**
     * After a batch's slot events are written. A slot that is open moves its doctor's next slot
     * earlier if it is sooner ({@code $min}, no scan of the slots: a replay publishes thousands); one
     * that closed is looked for again, soon, only when it was the next one; so is a doctor onboarded
     * in the batch (in a replay their slots may come first). A next slot that has since started is the
     * minute refresher's.
     *
     * @return the doctors whose next slot moved earlier
     */
    public Mono<Set<String>> afterBatch(Collection<String> slotIds, Collection<String> onboardedDoctorIds) {
        if (slotIds.isEmpty() && onboardedDoctorIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        Instant now = Instant.now();
        return ByIds.find(mongo, slotIds, Document.class, SlotView.COLLECTION, "doctorId", "start", "status")
                .map(SlotState::of)
                .filter(slot -> slot.start().isAfter(now))
                .collectList()
                .flatMap(slots -> {
                    Set<String> doctorIds = slots.stream().map(SlotState::doctorId).collect(Collectors.toSet());
                    doctorIds.addAll(onboardedDoctorIds);
                    return nextSlots(doctorIds).flatMap(held -> {
                        Set<String> lookAgain = new HashSet<>(onboardedDoctorIds);
                        held.forEach((doctorId, next) -> next.filter(start -> !start.isAfter(now))
                                .ifPresent(passed -> lookAgain.add(doctorId)));
                        Map<String, Instant> sooner = new HashMap<>();
                        for (SlotState slot : slots) {
                            if (!held.containsKey(slot.doctorId())) {
                                continue; // not (yet) a doctor of the read side
                            }
                            if ("open".equals(slot.status())) {
                                sooner.merge(slot.doctorId(), slot.start(), (a, b) -> a.isBefore(b) ? a : b);
                            } else if (slot.start().equals(held.get(slot.doctorId()).orElse(null))) {
                                lookAgain.add(slot.doctorId());
                            }
                        }
                        sooner.keySet().removeAll(lookAgain);
                        sooner.entrySet().removeIf(open -> held.get(open.getKey())
                                .filter(next -> !next.isAfter(open.getValue())).isPresent());
                        toLookAgain.addAll(lookAgain);
                        return write(sooner, Map.of(), Set.of());
                    });
                });
    }

    /** What the next slot needs of a slot: read alone, not the whole slot, for every slot a batch changed. */
    private record SlotState(String doctorId, Instant start, String status) {

        static SlotState of(Document slot) {
            return new SlotState(slot.getString("doctorId"), slot.getDate("start").toInstant(), slot.getString("status"));
        }
    }

    /** The next slot each existing doctor holds now (empty when none); doctors not in the read model are left out. */
    private Mono<Map<String, Optional<Instant>>> nextSlots(Set<String> doctorIds) {
        return ByIds.find(mongo, doctorIds, Document.class, DoctorView.COLLECTION, NEXT_AVAILABLE)
                .collectMap(doctor -> doctor.get("_id").toString(),
                        doctor -> Optional.ofNullable(doctor.getDate(NEXT_AVAILABLE)).map(Date::toInstant));
    }

    /** The doctors' next open slots, found in the slots in one aggregation; {@code null} for every doctor. */
    private Mono<Map<String, Instant>> recompute(@Nullable Set<String> doctorIds) {
        if (doctorIds != null && doctorIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        Criteria open = Criteria.where("status").is("open").and("start").gt(Instant.now());
        Aggregation earliest = Aggregation.newAggregation(
                Aggregation.match(doctorIds == null ? open : open.and("doctorId").in(doctorIds)),
                Aggregation.group("doctorId").min("start").as("next"));
        return mongo.aggregate(earliest, SlotView.COLLECTION, Document.class)
                .collectMap(next -> next.get("_id").toString(), next -> next.getDate("next").toInstant());
    }

    /** The doctors whose next slot closed since the last look, looked for again together. */
    Mono<Void> lookAgain() {
        if (toLookAgain.isEmpty()) {
            return Mono.empty();
        }
        Set<String> doctorIds = new HashSet<>(toLookAgain);
        toLookAgain.removeAll(doctorIds);
        return recompute(doctorIds)
                .flatMap(found -> write(Map.of(), found, doctorIds))
                .flatMap(directory::changed)
                .doOnError(e -> toLookAgain.addAll(doctorIds));
    }

    /** Every doctor whose next slot is not the one the slots say: what an instance that died had still to look for. */
    Mono<Void> reconcile() {
        Query all = new Query();
        all.fields().include("_id").include(NEXT_AVAILABLE);
        return recompute(null).flatMap(found -> mongo.find(all, Document.class, DoctorView.COLLECTION)
                .filter(doctor -> !Objects.equals(found.get(doctor.get("_id").toString()),
                        Optional.ofNullable(doctor.getDate(NEXT_AVAILABLE)).map(Date::toInstant).orElse(null)))
                .map(doctor -> doctor.get("_id").toString())
                .collect(Collectors.toSet())
                .flatMap(differing -> write(Map.of(), found, differing)))
                .flatMap(directory::changed);
    }

    private Mono<Set<String>> write(Map<String, Instant> sooner, Map<String, Instant> found, Set<String> lookedAgain) {
        if (sooner.isEmpty() && lookedAgain.isEmpty()) {
            return Mono.just(Set.of());
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, DoctorView.COLLECTION);
        sooner.forEach((doctorId, start) -> bulk.updateOne(byId(doctorId), new Update().min(NEXT_AVAILABLE, start)));
        for (String doctorId : lookedAgain) {
            Instant next = found.get(doctorId);
            bulk.updateOne(byId(doctorId), next == null ? new Update().unset(NEXT_AVAILABLE) : new Update().set(NEXT_AVAILABLE, next));
        }
        Set<String> changed = new HashSet<>(sooner.keySet());
        changed.addAll(lookedAgain);
        return bulk.execute().thenReturn(changed);
    }

    private static Query byId(String doctorId) {
        return Query.query(Criteria.where("_id").is(doctorId));
    }

    /** Doctors whose next slot has started: their next one is later, or there is none. */
    Mono<Void> refreshPassed() {
        Query passed = Query.query(Criteria.where(NEXT_AVAILABLE).lte(Instant.now()));
        passed.fields().include("_id");
        return mongo.find(passed, Document.class, DoctorView.COLLECTION)
                .map(doctor -> doctor.get("_id").toString())
                .collect(Collectors.toSet())
                .flatMap(doctorIds -> recompute(doctorIds).flatMap(found -> write(Map.of(), found, doctorIds)))
                .flatMap(directory::changed);
    }

    @Override
    public void start() {
        refresher = Flux.interval(REFRESH_EVERY).onBackpressureDrop().concatMap(tick -> refreshPassed().onErrorResume(e -> Mono.empty()))
                .subscribe();
        lookingAgain = reconcile().onErrorResume(e -> Mono.empty())
                .thenMany(Flux.interval(LOOK_AGAIN_EVERY).onBackpressureDrop()
                        .concatMap(tick -> lookAgain().onErrorResume(e -> Mono.empty())))
                .subscribe();
    }

    @Override
    public void stop() {
        for (Disposable current : new Disposable[] {refresher, lookingAgain}) {
            if (current != null) {
                current.dispose();
            }
        }
        refresher = null;
        lookingAgain = null;
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }
}
