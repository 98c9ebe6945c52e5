package com.illajwala.projections.doctor;

import com.illajwala.events.slot.SlotEvent;
import com.illajwala.events.slot.SlotHoldEnded;
import com.illajwala.events.slot.SlotSeatHeld;
import com.illajwala.projections.slot.SlotView;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
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

/**
 * Keeps each doctor's {@code nextAvailable}, the start of their next open slot, for search to sort
 * and show. Recomputed when one of the doctor's slots opens or closes, and every minute for doctors
 * whose next slot has started. Either way the doctor's tenant's cached search answers are dropped.
 */
@Component
public class NextAvailable implements SmartLifecycle {

    private static final Duration REFRESH_EVERY = Duration.ofMinutes(1);

    private final ReactiveMongoTemplate mongo;
    private final DoctorSearchCache cache;
    private volatile Disposable refresher;

    NextAvailable(ReactiveMongoTemplate mongo, DoctorSearchCache cache) {
        this.mongo = mongo;
        this.cache = cache;
    }

    /** After a slot event is applied: holds leave a slot open or closed as it was. */
    public Mono<Void> slotChanged(SlotEvent event) {
        if (event instanceof SlotSeatHeld || event instanceof SlotHoldEnded) {
            return Mono.empty();
        }
        return mongo.findById(event.slotId(), SlotView.class, SlotView.COLLECTION)
                .flatMap(slot -> follow(slot).then(cache.invalidate(slot.tenantId())));
    }

    /**
     * A slot that is open moves the doctor's next slot earlier if it is sooner, with no scan of the
     * slots (a replay publishes thousands); one that closed is looked for again only when it was the
     * next one. A next slot that has since started is the minute refresher's.
     */
    private Mono<Void> follow(SlotView slot) {
        if (!slot.start().isAfter(Instant.now())) {
            return Mono.empty();
        }
        if ("open".equals(slot.status())) {
            Query later = Query.query(Criteria.where("_id").is(slot.doctorId()).orOperator(
                    Criteria.where("nextAvailable").is(null), Criteria.where("nextAvailable").gt(slot.start())));
            return mongo.updateFirst(later, new Update().set("nextAvailable", slot.start()), DoctorView.COLLECTION).then();
        }
        return mongo.exists(Query.query(Criteria.where("_id").is(slot.doctorId()).and("nextAvailable").is(slot.start())),
                        DoctorView.class, DoctorView.COLLECTION)
                .flatMap(wasNext -> wasNext ? recompute(slot.doctorId()) : Mono.empty());
    }

    public Mono<Void> recompute(String doctorId) {
        Query next = Query.query(Criteria.where("doctorId").is(doctorId).and("status").is("open").and("start").gt(Instant.now()))
                .with(Sort.by("start")).limit(1);
        return mongo.findOne(next, SlotView.class, SlotView.COLLECTION)
                .map(slot -> new Update().set("nextAvailable", slot.start()))
                .defaultIfEmpty(new Update().unset("nextAvailable"))
                .flatMap(update -> mongo.updateFirst(Query.query(Criteria.where("_id").is(doctorId)), update,
                        DoctorView.COLLECTION))
                .then();
    }

    /** Doctors whose next slot has started: their next one is later, or there is none. */
    Mono<Void> refreshPassed() {
        return mongo.find(Query.query(Criteria.where("nextAvailable").lte(Instant.now())), DoctorView.class,
                        DoctorView.COLLECTION)
                .concatMap(doctor -> recompute(doctor.doctorId()).then(cache.invalidate(doctor.tenantId())))
                .then();
    }

    @Override
    public void start() {
        refresher = Flux.interval(REFRESH_EVERY).concatMap(tick -> refreshPassed().onErrorResume(e -> Mono.empty()))
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
