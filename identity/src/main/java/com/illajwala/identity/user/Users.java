package com.illajwala.identity.user;

import com.illajwala.web.ApiException;
import com.illajwala.web.access.Caller;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The user accounts in MongoDB. */
@Component
public class Users implements InitializingBean {

    private final ReactiveMongoTemplate mongo;

    public Users(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        ensureIndexes().block(Duration.ofSeconds(30));
    }

    private Mono<Void> ensureIndexes() {
        var indexes = mongo.indexOps(UserDocument.COLLECTION);
        return Mono.when(
                indexes.ensureIndex(new Index().on("loginEmail", Sort.Direction.ASC).unique().sparse()),
                indexes.ensureIndex(new Index().on("loginPhone", Sort.Direction.ASC).unique().sparse()),
                indexes.ensureIndex(new Index().on("tenantId", Sort.Direction.ASC)),
                indexes.ensureIndex(new Index().on("email", Sort.Direction.ASC)),
                indexes.ensureIndex(new Index().on("clinicId", Sort.Direction.ASC)));
    }

    /** Stores a new account; an email or phone already taken in its tenant is a 409. */
    public Mono<UserDocument> insert(UserDocument user) {
        return mongo.insert(user, UserDocument.COLLECTION)
                .onErrorMap(DuplicateKeyException.class, e -> ApiException.conflict("account_exists",
                        "An account with this email or phone number already exists"));
    }

    public Mono<UserDocument> byId(String userId) {
        return mongo.findById(userId, UserDocument.class, UserDocument.COLLECTION);
    }

    /**
     * The account that may sign in with this email through this host: the tenant's own doctors,
     * staff and admins, and platform accounts (patients, and platform admins on the admin host).
     */
    public Mono<UserDocument> forSignIn(Optional<String> hostTenant, String email) {
        List<String> keys = new ArrayList<>();
        hostTenant.ifPresent(tenant -> keys.add(UserDocument.loginKey(tenant, email)));
        keys.add(UserDocument.loginKey(Caller.PLATFORM_TENANT, email));
        return mongo.find(Query.query(Criteria.where("loginEmail").in(keys)), UserDocument.class,
                        UserDocument.COLLECTION)
                .filter(user -> !user.role().isTenantBound() || hostTenant.map(user.tenantId()::equals).orElse(false))
                .sort((a, b) -> Boolean.compare(b.role().isTenantBound(), a.role().isTenantBound()))
                .next();
    }

    /** Whether the tenant already has an account with this email. */
    public Mono<Boolean> existsInTenant(String tenantId, String email) {
        return mongo.exists(Query.query(Criteria.where("loginEmail").is(UserDocument.loginKey(tenantId, email))),
                UserDocument.COLLECTION);
    }

    public Mono<UserDocument> patientByPhone(String phone) {
        return mongo.findOne(Query.query(Criteria.where("loginPhone").is(UserDocument.loginKey(Caller.PLATFORM_TENANT, phone))),
                UserDocument.class, UserDocument.COLLECTION);
    }
}
