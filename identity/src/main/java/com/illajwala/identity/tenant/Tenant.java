package com.illajwala.identity.tenant;

import com.illajwala.events.identity.TenantRegistered;
import com.illajwala.identity.IdentityConflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A healthcare organisation; its id is its slug, so a slug is taken at most once. */
@Aggregate
public class Tenant {

    /** Registers a tenant; registering the same tenant again changes nothing. */
    public record RegisterTenant(@TargetAggregateIdentifier String tenantId, String name) {
    }

    @AggregateIdentifier
    private String tenantId;
    private String name;

    protected Tenant() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterTenant command) {
        if (tenantId != null) {
            if (name.equals(command.name())) {
                return;
            }
            throw new IdentityConflict("tenant_exists", "The slug " + command.tenantId() + " is taken");
        }
        apply(new TenantRegistered(command.tenantId(), command.name()));
    }

    @EventSourcingHandler
    void on(TenantRegistered event) {
        tenantId = event.tenantId();
        name = event.name();
    }
}
