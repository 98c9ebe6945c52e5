package com.illajwala.projections;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Applies one event to one read-model document at most once: the document keeps the sequence
 * number of the last event applied, and an update only matches while that number is lower.
 * A redelivered or replayed event finds no match and changes nothing.
 */
@Component
public class VersionedUpsert {

    public static final String VERSION = "version";

    private final ReactiveMongoTemplate mongo;

    public VersionedUpsert(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** For an aggregate's first event: inserts the document unless it already exists. */
    public Mono<Void> create(String collection, String id, long sequence, Update fields) {
        Query query = Query.query(Criteria.where("_id").is(id));
        return mongo.upsert(query, fields.setOnInsert(VERSION, sequence), collection)
                // two first deliveries racing to insert: the loser's event is already applied
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    /** For later events: updates the document if this event is newer than what it holds. */
    public Mono<Void> update(String collection, String id, long sequence, Update fields) {
        Query query = Query.query(Criteria.where("_id").is(id).and(VERSION).lt(sequence));
        return mongo.updateFirst(query, fields.set(VERSION, sequence), collection)
                .then();
    }
}
