package com.illajwala.projections.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Search answers in Redis under {@code cache:doctors:list:{tenantId}:{query}} ({@code platform} for
 * the platform's own host, which searches every tenant). Each tenant's keys are listed in a set, so
 * an event that changes a tenant's doctors or their availability drops exactly those answers, and
 * the platform-wide ones. Redis being down makes search slower, never wrong: it answers from MongoDB.
 */
@Component
public class DoctorSearchCache {

    static final String PLATFORM_WIDE = "platform";
    private static final Logger log = LoggerFactory.getLogger(DoctorSearchCache.class);
    private static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

    private final ReactiveStringRedisTemplate redis;
    private final ObjectMapper json;
    /** Searches being answered on this instance: the same query asked meanwhile waits for that answer. */
    private final Map<String, Mono<DoctorPage>> answering = new ConcurrentHashMap<>();

    DoctorSearchCache(ReactiveStringRedisTemplate redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    static String key(String tenantKey, String query) {
        return "cache:doctors:list:" + tenantKey + ":" + query;
    }

    private static String index(String tenantKey) {
        return "cache:doctors:keys:" + tenantKey;
    }

    Mono<DoctorPage> cached(String tenantKey, String query, Supplier<Mono<DoctorPage>> search) {
        String key = key(tenantKey, query);
        return redis.opsForValue().get(key)
                // read, and the answer written, on the parallel workers, not Redis's one I/O thread
                .publishOn(Schedulers.parallel())
                .map(this::read)
                .onErrorResume(e -> {
                    log.warn("Doctor search cache unavailable: {}", e.toString());
                    return Mono.empty();
                })
                .switchIfEmpty(Mono.defer(() -> answering.computeIfAbsent(key, first -> search.get()
                        .flatMap(page -> store(tenantKey, key, page).thenReturn(page))
                        .doFinally(signal -> answering.remove(key))
                        .cache())));
    }

    private Mono<Void> store(String tenantKey, String key, DoctorPage page) {
        return redis.opsForSet().add(index(tenantKey), key)
                .then(redis.opsForValue().set(key, write(page), TIME_TO_LIVE))
                .then(redis.expire(index(tenantKey), TIME_TO_LIVE))
                .then()
                .onErrorResume(e -> Mono.empty());
    }

    /**
     * Drops the tenant's cached answers and the platform-wide ones. With Redis down the read side
     * carries on: answers cached before it went down expire within their time to live.
     */
    public Mono<Void> invalidate(String tenantId) {
        return Mono.when(drop(tenantId), drop(PLATFORM_WIDE))
                .onErrorResume(e -> {
                    log.warn("Doctor search cache not invalidated for {}: {}", tenantId, e.toString());
                    return Mono.empty();
                });
    }

    /** Drops every cached answer: the read models they came from are being rebuilt. */
    public Mono<Void> invalidateAll() {
        return redis.scan(ScanOptions.scanOptions().match("cache:doctors:*").count(1000).build())
                .buffer(500)
                .concatMap(keys -> redis.delete(keys.toArray(String[]::new)))
                .then()
                .onErrorResume(e -> {
                    log.warn("Doctor search cache not cleared: {}", e.toString());
                    return Mono.empty();
                });
    }

    private Mono<Void> drop(String tenantKey) {
        return redis.opsForSet().members(index(tenantKey)).collectList()
                .flatMap(keys -> keys.isEmpty() ? Mono.empty() : redis.delete(keys.toArray(String[]::new)))
                .then(redis.delete(index(tenantKey)))
                .then();
    }

    private DoctorPage read(String value) {
        try {
            return json.readValue(value, DoctorPage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable cached search answer", e);
        }
    }

    private String write(DoctorPage page) {
        try {
            return json.writeValueAsString(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Search answer cannot be written", e);
        }
    }
}
