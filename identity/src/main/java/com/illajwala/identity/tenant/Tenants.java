package com.illajwala.identity.tenant;

import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.identity.IdentityConflict;
import com.illajwala.identity.tenant.Tenant.RegisterTenant;
import com.illajwala.identity.user.UserAccounts;
import com.illajwala.identity.user.UserAccounts.NewAccount;
import com.illajwala.web.ApiException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The healthcare organisations on the platform. */
@Component
public class Tenants {

    private final CommandDispatcher commands;
    private final ReactiveMongoTemplate mongo;
    private final UserAccounts accounts;

    public Tenants(CommandDispatcher commands, ReactiveMongoTemplate mongo, UserAccounts accounts) {
        this.commands = commands;
        this.mongo = mongo;
        this.accounts = accounts;
    }

    /** Records the tenant as an event, opens its first admin's account and stores the tenant. */
    public Mono<TenantDocument> register(TenantDocument tenant, NewAccount admin) {
        return mongo.findById(tenant.id(), TenantDocument.class)
                .flatMap(existing -> Mono.<Object>error(ApiException.conflict("tenant_exists",
                        "The slug " + tenant.id() + " is taken")))
                .then(commands.send(new RegisterTenant(tenant.id(), tenant.name())))
                .onErrorMap(IdentityConflict.class, e -> ApiException.conflict(e.code(), e.getMessage()))
                .then(accounts.open(admin))
                .then(mongo.insert(tenant));
    }

    public Mono<Boolean> exists(String tenantId) {
        return mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(tenantId)), TenantDocument.class);
    }
}
