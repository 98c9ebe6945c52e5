package com.illajwala.identity.tenant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A healthcare organisation. {@code id} is its slug and subdomain; the document is its own tenant. */
@Document("tenants")
public record TenantDocument(@Id String id, String name, Instant createdAt) {

    /** Every identity document names its tenant; a tenant's is itself. */
    public String tenantId() {
        return id;
    }
}
