package com.illajwala.identity.audit;

import com.illajwala.web.access.AuditTrail;
import com.illajwala.web.access.Caller;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** The audit trail in MongoDB. Entries are only ever inserted: no code path updates or deletes one. */
@Component
class AuditLog implements AuditTrail, InitializingBean {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();

    AuditLog(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(AuditEntryDocument.COLLECTION)
                .ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("at", Sort.Direction.DESC))
                .block(Duration.ofSeconds(30));
    }

    @Override
    public Mono<Void> record(Caller caller, ServerHttpRequest request, String action, String resource, String resourceId,
                             String tenantId) {
        if (caller.isPatient()) {
            return Mono.empty();
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return mongo.insert(new AuditEntryDocument(UUID.randomUUID().toString(), tenantId, caller.userId(), caller.role(),
                        action, resource, resourceId, request.getMethod().name(), request.getPath().value(),
                        remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress(),
                        clock.instant()))
                .then();
    }
}
