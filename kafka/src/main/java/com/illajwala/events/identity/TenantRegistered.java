package com.illajwala.events.identity;

/**
 * A healthcare organisation joined the platform.
 *
 * @param tenantId its unique slug, which is also its subdomain
 */
public record TenantRegistered(String tenantId, String name) implements IdentityEvent {

    @Override
    public String aggregateId() {
        return tenantId;
    }
}
