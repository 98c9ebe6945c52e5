package com.illajwala.identity.audit;

import com.illajwala.web.access.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One access to patient data: who, in which role, did what to which record of which tenant, when and from where. */
@Document(AuditEntryDocument.COLLECTION)
public record AuditEntryDocument(
        @Id String id,
        String tenantId,
        String actorId,
        Role actorRole,
        String action,
        String resource,
        String resourceId,
        String method,
        String path,
        String sourceAddress,
        Instant at) {

    public static final String COLLECTION = "audit_log";
}
