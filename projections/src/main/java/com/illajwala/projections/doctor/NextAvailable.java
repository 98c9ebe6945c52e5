package com.illajwala.projections.doctor;

import com.illajwala.projections.ByIds;
import com.illajwala.projections.slot.SlotView;
import org.bson.Document;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps each doctor's {@code nextAvailable}, the start of their next open slot, for search to sort
 * and show. Moved after each batch of slot events, and every minute for doctors whose next slot has
 * started; either way the doctors changed are handed to the {@link DoctorDirectory}.
 */
@Component
public class NextAvailable implements SmartLifecycle {

    private static final Duration REFRESH_EVERY = Duration.ofMinutes(1);
    private static final String NEXT_AVAILABLE = "nextAvailable";

    private final ReactiveMongoTemplate mongo;
    private final DoctorDirectory directory;
    private volatile Disposable refresher;

    NextAvailable(ReactiveMongoTemplate mongo, DoctorDirectory directory) {
        this.mongo = mongo;
        this.directory = directory;
    }

    /**
     * After a batch's slot events are written. A slot that is open moves its doctor's next slot
     * earlier if it is sooner ({@code $min}, no scan of the slots: a replay publishes thousands); one
     * that closed is looked for again only when it was the next one; a doctor onboarded in the batch
     * (in a replay their slots may come first) is looked for in full. A next slot that has since
     * started is the minute refresher's.
     *
     * @return the doctors whose next slot moved
     */
    public Mono<Set<String>> afterBatch(Collection<String> slotIds, Collection<String> onboardedDoctorIds) {
        if (slotIds.isEmpty() && onboardedDoctorIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        Instant now = Instant.now();
        return ByIds.find(mongo, slotIds, SlotView.class, SlotView.COLLECTION)
                .filter(slot -> slot.start().isAfter(now))
                .collectList()
                .flatMap(slots -> {
                    Set<String> doctorIds = slots.stream().map(SlotView::doctorId).collect(Collectors.toSet());
                    doctorIds.addAll(onboardedDoctorIds);
                    return nextSlots(doctorIds).flatMap(held -> {
                        Set<String> lookAgain = new HashSet<>(onboardedDoctorIds);
                        held.forEach((doctorId, next) -> next.filter(start -> !start.isAfter(now))
                                .ifPresent(passed -> lookAgain.add(doctorId)));
                        Map<String, Instant> sooner = new HashMap<>();
                        for (SlotView slot : slots) {
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
                        return recompute(lookAgain).flatMap(found -> write(sooner, found, lookAgain));
                    });
                });
    }

    /** The next slot each existing doctor holds now (empty when none); doctors not in the read model are left out. */
    private Mono<Map<String, Optional<Instant>>> nextSlots(Set<String> doctorIds) {
        return ByIds.find(mongo, doctorIds, Document.class, DoctorView.COLLECTION, NEXT_AVAILABLE)
                .collectMap(doctor -> doctor.get("_id").toString(),
                        doctor -> Optional.ofNullable(doctor.getDate(NEXT_AVAILABLE)).map(Date::toInstant));
    }

    /** The doctors' next open slots, found in the slots (one query for all of them). */
    private Mono<Map<String, Instant>> recompute(Set<String> doctorIds) {
        if (doctorIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        Query open = Query.query(Criteria.where("doctorId").in(doctorIds).and("status").is("open").and("start").gt(Instant.now()));
        return mongo.find(open, SlotView.class, SlotView.COLLECTION)
                .collect(HashMap::new, (Map<String, Instant> next, SlotView slot) ->
                        next.merge(slot.doctorId(), slot.start(), (a, b) -> a.isBefore(b) ? a : b));
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
    }

    @Override
    public void stop() {
        Disposable current = refresher;
        if (current != null) {
            current.dispose();
        }
        refresher = null;
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }
}
