package com.illajwala.platform.health;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * MongoDB answers {@code ping}. Replaces Boot's indicator, whose {@code hello} command the
 * embedded wire-protocol server does not know; {@code ping} works on every MongoDB.
 */
@Component("mongo")
class MongoHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    MongoHealthIndicator(ReactiveMongoTemplate mongo) {
        super("MongoDB is not reachable");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase()
                .flatMap(database -> mongo.executeCommand(new Document("ping", 1))
                        .map(answer -> builder.up().withDetail("database", database.getName()).build()));
    }
}
