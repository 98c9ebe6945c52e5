package com.illajwala.identity.doctor;

import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.identity.IdentityConflict;
import com.illajwala.identity.clinic.Clinics;
import com.illajwala.identity.doctor.Doctor.OnboardDoctor;
import com.illajwala.identity.doctor.Doctor.VerifyDoctor;
import com.illajwala.identity.user.UserAccounts;
import com.illajwala.identity.user.UserAccounts.NewAccount;
import com.illajwala.identity.user.Users;
import com.illajwala.web.ApiException;
import com.illajwala.web.access.Role;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Onboarding (by a tenant's admin) and verification (by a platform admin). The event is recorded
 * first and the documents written after it: an onboarding cut short leaves at most an unverified
 * doctor, whom nobody can book or find.
 */
@Component
public class Doctors implements InitializingBean {

    private final CommandDispatcher commands;
    private final ReactiveMongoTemplate mongo;
    private final Clinics clinics;
    private final Users users;
    private final UserAccounts accounts;

    public Doctors(CommandDispatcher commands, ReactiveMongoTemplate mongo, Clinics clinics, Users users,
                   UserAccounts accounts) {
        this.commands = commands;
        this.mongo = mongo;
        this.clinics = clinics;
        this.users = users;
        this.accounts = accounts;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(DoctorProfileDocument.COLLECTION);
        Mono.when(indexes.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC)),
                        indexes.ensureIndex(new Index().on("clinicIds", Sort.Direction.ASC)),
                        indexes.ensureIndex(new Index().on("verificationStatus", Sort.Direction.ASC)))
                .block(Duration.ofSeconds(30));
    }

    /** The doctor's sign-in: an email and password; the profile's first clinic is the account's. */
    public record Credentials(String email, String password) {
    }

    public Mono<DoctorProfileDocument> onboard(DoctorProfileDocument profile, Credentials credentials) {
        return clinics.countOfTenant(profile.tenantId(), profile.clinicIds())
                .flatMap(known -> known == profile.clinicIds().size() ? Mono.empty()
                        : Mono.error(ApiException.invalidField("clinicIds", "must name clinics of your organisation")))
                .then(users.existsInTenant(profile.tenantId(), credentials.email()))
                .flatMap(taken -> taken
                        ? Mono.error(ApiException.conflict("account_exists", "An account with this email already exists"))
                        : commands.send(new OnboardDoctor(profile.id(), profile.tenantId(), profile.name(),
                        profile.specialization(), profile.languages(), profile.modes(), profile.clinicIds(),
                        profile.fee(), profile.currency())))
                .onErrorMap(IdentityConflict.class, e -> ApiException.conflict(e.code(), e.getMessage()))
                .then(accounts.open(new NewAccount(profile.id(), profile.tenantId(), Role.DOCTOR, profile.name(),
                        credentials.email(), null, credentials.password(), profile.clinicIds().get(0))))
                .then(mongo.insert(profile));
    }

    /**
     * A platform admin's decision: verified doctors become bookable and searchable; rejected ones
     * are not, until a later review verifies them. Verification is final.
     */
    public Mono<DoctorProfileDocument> decide(String doctorId, boolean verify, String note) {
        return byId(doctorId)
                .filter(profile -> verify || !DoctorProfileDocument.VERIFIED.equals(profile.verificationStatus()))
                .switchIfEmpty(Mono.error(() -> ApiException.conflict("already_verified",
                        "A verified doctor cannot be rejected")))
                .flatMap(profile -> (verify ? commands.send(new VerifyDoctor(doctorId)) : Mono.empty())
                        .then(mongo.findAndModify(Query.query(Criteria.where("_id").is(doctorId)),
                                new Update().set("verificationStatus", verify ? DoctorProfileDocument.VERIFIED
                                                : DoctorProfileDocument.REJECTED)
                                        .set("reviewStatus", "reviewed").set("reviewNote", note),
                                org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true),
                                DoctorProfileDocument.class)));
    }

    public Mono<DoctorProfileDocument> byId(String doctorId) {
        return mongo.findById(doctorId, DoctorProfileDocument.class)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("doctor_not_found", "No doctor with id " + doctorId)));
    }

    /** Profiles no platform admin has decided on yet, oldest first. */
    public Flux<DoctorProfileDocument> awaitingVerification() {
        return mongo.find(Query.query(Criteria.where("verificationStatus").is(DoctorProfileDocument.PENDING))
                .with(Sort.by("createdAt")), DoctorProfileDocument.class);
    }
}
