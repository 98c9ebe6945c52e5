package com.illajwala.identity.audit;

import com.illajwala.web.ApiResponse;
import com.illajwala.web.access.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/** A tenant's admins read their tenant's audit trail, newest first. */
@RestController
class AuditController {

    private final ReactiveMongoTemplate mongo;

    AuditController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/audit")
    Mono<ApiResponse<List<AuditEntryDocument>>> entries(Caller caller,
                                                        @RequestParam(required = false) @Size(max = 64) String actorId,
                                                        @RequestParam(required = false) Instant since,
                                                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        caller.requireTenantAdmin();
        Criteria criteria = Criteria.where("tenantId").is(caller.tenantId());
        if (actorId != null) {
            criteria.and("actorId").is(actorId);
        }
        if (since != null) {
            criteria.and("at").gte(since);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "at")).limit(limit),
                AuditEntryDocument.class).collectList().map(ApiResponse::ok);
    }
}
