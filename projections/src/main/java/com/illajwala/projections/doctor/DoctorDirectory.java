package com.illajwala.projections.doctor;

import com.illajwala.projections.ByIds;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

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
    /** What search scans: per tenant, rebuilt after each change to it (a few ms for 10,000 doctors). */
    private volatile Map<String, List<Listing>> byTenant = Map.of();
    private final Sinks.Many<String> changes = Sinks.many().unicast().onBackpressureBuffer();
    private volatile Disposable running;

    DoctorDirectory(ReactiveMongoTemplate mongo, ReactiveStringRedisTemplate redis, DoctorSearchCache cache) {
        this.mongo = mongo;
        this.redis = redis;
        this.cache = cache;
    }

    /** A verified doctor with the fields search compares, lower-cased once. */
    record Listing(DoctorView doctor, String specialization, Set<String> cities, Set<String> languages) {

        static Listing of(DoctorView doctor) {
            return new Listing(doctor, lower(doctor.specialization()),
                    doctor.cities() == null ? Set.of() : doctor.cities().stream().map(DoctorDirectory::lower).collect(Collectors.toSet()),
                    doctor.languages() == null ? Set.of() : doctor.languages().stream().map(DoctorDirectory::lower).collect(Collectors.toSet()));
        }
    }

    /** The tenant's verified doctors, or every tenant's for a null tenant. */
    List<Listing> listings(String tenantId) {
        Map<String, List<Listing>> snapshot = byTenant;
        if (tenantId != null) {
            return snapshot.getOrDefault(tenantId, List.of());
        }
        return snapshot.values().stream().flatMap(List::stream).toList();
    }

    public int size() {
        return verified.size();
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
        return ByIds.find(mongo, doctorIds, DoctorView.class, DoctorView.COLLECTION)
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
                    return relist(tenants);
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
                    return relist(tenants);
                });
    }

    /** New listings for the tenants whose doctors changed, then their cached answers dropped. */
    private Mono<Void> relist(Set<String> tenants) {
        if (tenants.isEmpty()) {
            return Mono.empty();
        }
        Map<String, List<Listing>> next = new HashMap<>(byTenant);
        tenants.forEach(next::remove);
        verified.values().stream().filter(doctor -> tenants.contains(doctor.tenantId()))
                .collect(Collectors.groupingBy(DoctorView::tenantId, Collectors.mapping(Listing::of, Collectors.toList())))
                .forEach((tenantId, listings) -> next.put(tenantId, List.copyOf(listings)));
        byTenant = Map.copyOf(next);
        return Flux.fromIterable(tenants).concatMap(cache::invalidate).then();
    }

    static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
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
