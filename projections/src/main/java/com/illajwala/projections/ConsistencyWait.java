package com.illajwala.projections;

import com.illajwala.web.ConsistencyToken;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Holds a read until its read model has applied the write the caller made ({@link ConsistencyToken}),
 * for at most {@value #MOST_MILLIS} ms: then it answers with what there is.
 */
@Component
public class ConsistencyWait {

    static final long MOST_MILLIS = 3_000;
    private static final Duration POLL = Duration.ofMillis(20);

    private final ReactiveMongoTemplate mongo;

    ConsistencyWait(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @param header the {@code X-Consistency-Token} the caller sent, or null */
    public Mono<Void> until(String header, String collection) {
        return ConsistencyToken.parse(header)
                .map(token -> applied(token, collection)
                        // a poll slower than the interval skips ticks rather than overflowing
                        .concatWith(Flux.interval(POLL).onBackpressureDrop().concatMap(tick -> applied(token, collection)))
                        .filter(Boolean::booleanValue)
                        .next()
                        .timeout(Duration.ofMillis(MOST_MILLIS), Mono.empty())
                        .then())
                .orElse(Mono.empty());
    }

    private Mono<Boolean> applied(ConsistencyToken token, String collection) {
        Query document = Query.query(Criteria.where("_id").is(token.aggregateId()));
        document.fields().include(ReadModelWrites.VERSION);
        return mongo.findOne(document, Document.class, collection)
                .map(found -> ((Number) found.get(ReadModelWrites.VERSION)).longValue() >= token.version())
                .defaultIfEmpty(false);
    }
}
