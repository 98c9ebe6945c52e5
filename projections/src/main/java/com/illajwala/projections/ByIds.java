package com.illajwala.projections;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads documents by {@code _id}, a bounded number per query: the embedded MongoDB-wire server
 * matches every found document against the whole {@code $in} list again, so one query for 500 ids
 * costs 250,000 comparisons where ten queries of 50 cost 25,000.
 */
public final class ByIds {

    private static final int PER_QUERY = 50;

    private ByIds() {
    }

    /** @param fields the fields to read besides {@code _id}; none means all */
    public static <T> Flux<T> find(ReactiveMongoTemplate mongo, Collection<String> ids, Class<T> type, String collection,
                                   String... fields) {
        List<String> all = List.copyOf(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += PER_QUERY) {
            chunks.add(all.subList(from, Math.min(from + PER_QUERY, all.size())));
        }
        return Flux.fromIterable(chunks).flatMap(chunk -> {
            Query query = Query.query(Criteria.where("_id").in(chunk));
            for (String field : fields) {
                query.fields().include(field);
            }
            return mongo.find(query, type, collection);
        });
    }
}
