package com.illajwala.projections;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * The read-model writes of one batch of events, each applied to its document at most once: a
 * document keeps the sequence number of the last event applied, and an event whose number is not
 * higher is skipped, so a redelivered or replayed event changes nothing. Per collection the batch
 * reads the versions of the documents it touches (see {@link ByIds}), inserts the new ones, then
 * sends the updates as one ordered bulk write addressed by {@code _id} alone (the one index every
 * MongoDB-wire server uses).
 * <p>
 * A document is only written by the consumer of its aggregate's partition, so nothing else moves
 * its version between the read and the write.
 */
public final class ReadModelWrites {

    public static final String VERSION = "version";

    private record Write(String id, long sequence, Update update, boolean create) {
    }

    private final Map<String, List<Write>> byCollection = new LinkedHashMap<>();
    private final List<Supplier<Mono<Void>>> followUps = new ArrayList<>();

    /** For an aggregate's first event: inserts the document unless it already exists; {@code fields} are {@code setOnInsert}s. */
    public void create(String collection, String id, long sequence, Update fields) {
        byCollection.computeIfAbsent(collection, name -> new ArrayList<>()).add(new Write(id, sequence, fields, true));
    }

    /** For later events: updates the document if it exists and this event is newer than what it holds. */
    public void update(String collection, String id, long sequence, Update fields) {
        byCollection.computeIfAbsent(collection, name -> new ArrayList<>()).add(new Write(id, sequence, fields, false));
    }

    /** Work that reads what this batch wrote (across documents), run after the writes, in the order added. */
    public void then(Supplier<Mono<Void>> followUp) {
        followUps.add(followUp);
    }

    public Mono<Void> commit(ReactiveMongoTemplate mongo) {
        return Flux.fromIterable(byCollection.entrySet())
                .concatMap(collection -> write(mongo, collection.getKey(), collection.getValue()))
                .thenMany(Flux.fromIterable(followUps).concatMap(Supplier::get))
                .then();
    }

    private static Mono<Void> write(ReactiveMongoTemplate mongo, String collection, List<Write> writes) {
        Set<String> ids = writes.stream().map(Write::id).collect(Collectors.toSet());
        return ByIds.find(mongo, ids, Document.class, collection, VERSION)
                .collectMap(document -> document.get("_id").toString(), document -> ((Number) document.get(VERSION)).longValue())
                .flatMap(versions -> {
                    Map<String, Long> current = new HashMap<>(versions);
                    // new documents are inserted (far cheaper than upserts on the embedded server), then updates follow in order
                    List<Document> inserts = new ArrayList<>();
                    ReactiveBulkOperations updates = mongo.bulkOps(BulkMode.ORDERED, collection);
                    int updated = 0;
                    for (Write write : writes) {
                        Long version = current.get(write.id());
                        if (write.create() && version == null) {
                            Document document = new Document((Document) write.update().getUpdateObject().get("$setOnInsert"));
                            inserts.add(document.append("_id", write.id()).append(VERSION, write.sequence()));
                        } else if (!write.create() && version != null && version < write.sequence()) {
                            updates.updateOne(Query.query(Criteria.where("_id").is(write.id())), write.update().set(VERSION, write.sequence()));
                            updated++;
                        } else {
                            continue;
                        }
                        current.put(write.id(), write.sequence());
                    }
                    Mono<Void> inserted = inserts.isEmpty() ? Mono.empty()
                            : mongo.bulkOps(BulkMode.UNORDERED, collection).insert(inserts).execute().then();
                    return inserted.then(updated == 0 ? Mono.empty() : updates.execute().then());
                });
    }
}
