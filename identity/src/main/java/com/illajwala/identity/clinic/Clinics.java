package com.illajwala.identity.clinic;

import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.identity.IdentityConflict;
import com.illajwala.identity.clinic.Clinic.RegisterClinic;
import com.illajwala.web.ApiException;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collection;

/** The tenants' clinics. */
@Component
public class Clinics implements InitializingBean {

    private final CommandDispatcher commands;
    private final ReactiveMongoTemplate mongo;

    public Clinics(CommandDispatcher commands, ReactiveMongoTemplate mongo) {
        this.commands = commands;
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(ClinicDocument.COLLECTION)
                .ensureIndex(new Index().on("tenantId", Sort.Direction.ASC).on("slug", Sort.Direction.ASC).unique())
                .block(Duration.ofSeconds(30));
    }

    /**
     * Records the clinic's public facts as an event (the outbox carries it to Kafka), then stores
     * the whole clinic. A slug the tenant already uses is a 409.
     */
    public Mono<ClinicDocument> register(ClinicDocument clinic) {
        Query sameSlug = Query.query(Criteria.where("tenantId").is(clinic.tenantId()).and("slug").is(clinic.slug()));
        return mongo.exists(sameSlug, ClinicDocument.class)
                .flatMap(taken -> taken
                        ? Mono.error(ApiException.conflict("clinic_exists", "The tenant already has a clinic " + clinic.slug()))
                        : commands.send(new RegisterClinic(clinic.id(), clinic.tenantId(), clinic.name(), clinic.slug(),
                        clinic.timezone(), clinic.address().city(), clinic.bookingPolicy().cancellationNoticeHours(),
                        clinic.bookingPolicy().reminderHoursBefore(), clinic.waitlistPolicy())))
                .onErrorMap(IdentityConflict.class, e -> ApiException.conflict(e.code(), e.getMessage()))
                .then(mongo.insert(clinic));
    }

    public Mono<Boolean> exists(String clinicId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(clinicId)), ClinicDocument.class);
    }

    /** How many of these clinics belong to the tenant. */
    public Mono<Long> countOfTenant(String tenantId, Collection<String> clinicIds) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenantId).and("_id").in(clinicIds)),
                ClinicDocument.class);
    }
}
