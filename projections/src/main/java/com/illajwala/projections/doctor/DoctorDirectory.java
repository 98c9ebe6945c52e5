package com.illajwala.projections.doctor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.redis.connection.ReactiveSubscription.Message;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The verified doctors, held in memory on every instance so that search filters and sorts them
 * without a database query per request. Loaded at start and refreshed for the doctors the read side
 * changes: on this instance directly, on the others through the Redis channel {@code doctors:changed},
 * and in full every minute in case a message was lost (Redis down). Changes are applied one at a
 * time, in order; after each, the cached search answers of the tenants concerned are dropped, so an
 * answer cached by an instance that had not refreshed yet does not outlive its refresh.
 */
@Component
public class DoctorDirectory implements SmartLifecycle {

    static final String CHANNEL = "doctors:changed";
    private static final Logger log = LoggerFactory.getLogger(DoctorDirectory.class);
    private static final String EVERYONE = "*";
    private static final Duration FULL_RELOAD_EVERY = Duration.ofMinutes(1);

    private final ReactiveMongoTemplate mongo;
    private final ReactiveStringRedisTemplate redis;
    private final DoctorSearchCache cache;
    private final String instance = UUID.randomUUID().toString();
    private final Map<String, DoctorView> verified = new ConcurrentHashMap<>();
    private final Sinks.Many<String> changes = Sinks.many().unicast().onBackpressureBuffer();
    private volatile Disposable running;

    DoctorDirectory(ReactiveMongoTemplate mongo, ReactiveStringRedisTemplate redis, DoctorSearchCache cache) {
        this.mongo = mongo;
        this.redis = redis;
        this.cache = cache;
    }

    public Collection<DoctorView> verified() {
        return verified.values();
    }

    /** Doctors whose read model changed: refreshed here, announced to the other instances. */
    public Mono<Void> changed(Set<String> doctorIds) {
        return doctorIds.isEmpty() ? Mono.empty() : changed(String.join(",", doctorIds));
    }

    /** Any doctor may have changed (a clinic's city, a rebuild). */
    public Mono<Void> changedAll() {
        return changed(EVERYONE);
    }

    private Mono<Void> changed(String what) {
        enqueue(what);
        return redis.convertAndSend(CHANNEL, instance + "|" + what).then()
                .onErrorResume(e -> {
                    log.warn("Doctor changes not announced to other instances: {}", e.toString());
                    return Mono.empty();
                });
    }

    private void enqueue(String what) {
        changes.emitNext(what, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(5)));
    }

    private Mono<Void> apply(String what) {
        return EVERYONE.equals(what) ? reloadAll() : refresh(Set.of(what.split(",")));
    }

    private Mono<Void> refresh(Set<String> doctorIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(doctorIds)), DoctorView.class, DoctorView.COLLECTION)
                .collectMap(DoctorView::doctorId)
                .flatMap(found -> {
                    Set<String> tenants = new HashSet<>();
                    for (String doctorId : doctorIds) {
                        DoctorView now = found.get(doctorId);
                        DoctorView before = now != null && now.verified() ? verified.put(doctorId, now) : verified.remove(doctorId);
                        if (before != null) {
                            tenants.add(before.tenantId());
                        }
                        if (now != null && now.verified()) {
                            tenants.add(now.tenantId());
                        }
                    }
                    return invalidate(tenants);
                });
    }

    private Mono<Void> reloadAll() {
        return mongo.find(Query.query(Criteria.where("verified").is(true)), DoctorView.class, DoctorView.COLLECTION)
                .collectMap(DoctorView::doctorId)
                .flatMap(found -> {
                    Set<String> tenants = new HashSet<>();
                    verified.forEach((doctorId, before) -> {
                        if (!before.equals(found.get(doctorId))) {
                            tenants.add(before.tenantId());
                        }
                    });
                    found.forEach((doctorId, now) -> {
                        if (!now.equals(verified.get(doctorId))) {
                            tenants.add(now.tenantId());
                        }
                    });
                    verified.putAll(found);
                    verified.keySet().retainAll(found.keySet());
                    return invalidate(tenants);
                });
    }

    private Mono<Void> invalidate(Set<String> tenants) {
        return Flux.fromIterable(tenants).concatMap(cache::invalidate).then();
    }

    @Override
    public void start() {
        reloadAll().block(Duration.ofSeconds(30));
        Disposable applying = changes.asFlux()
                .concatMap(what -> apply(what).onErrorResume(e -> {
                    log.warn("Doctor directory not refreshed ({}); the next full reload will: {}", what, e.toString());
                    return Mono.empty();
                }))
                .subscribe();
        Disposable listening = redis.listenToChannel(CHANNEL)
                .map(Message::getMessage)
                .filter(message -> !message.startsWith(instance + "|"))
                .doOnNext(message -> enqueue(message.substring(message.indexOf('|') + 1)))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .subscribe();
        Disposable reloading = Flux.interval(FULL_RELOAD_EVERY).subscribe(tick -> enqueue(EVERYONE));
        running = Disposables.composite(applying, listening, reloading);
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
