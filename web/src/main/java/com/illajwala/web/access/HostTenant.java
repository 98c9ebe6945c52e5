package com.illajwala.web.access;

import java.util.Optional;

/**
 * The tenant named by the request's host: {@code apollo} for {@code apollo.illajwala.com} or
 * {@code apollo.localhost:8080}; none for the platform's own host, where patients browse every
 * tenant. Handlers take it as a parameter; every read a handler makes is limited to it when present.
 */
public record HostTenant(Optional<String> tenantId) {

    public static final String ATTRIBUTE = HostTenant.class.getName();

    public static HostTenant none() {
        return new HostTenant(Optional.empty());
    }

    public static HostTenant of(String tenantId) {
        return new HostTenant(Optional.of(tenantId));
    }

    /** Whether a resource of this tenant may be seen through this host. */
    public boolean admits(String resourceTenantId) {
        return tenantId.map(tenant -> tenant.equals(resourceTenantId)).orElse(true);
    }
}
