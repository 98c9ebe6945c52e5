package com.illajwala.web.access;

import com.illajwala.web.ApiException;

import java.util.Arrays;
import java.util.Objects;

/**
 * Who is calling, as their verified access token says. Handlers take it as a parameter; a route
 * with a {@code Caller} parameter answers 401 to an anonymous request.
 *
 * @param tenantId the tenant the user belongs to: the organisation of a doctor, staff member or
 *                 admin, {@value #PLATFORM_TENANT} for platform admins and for patients (platform accounts)
 * @param clinicId the clinic of a doctor or staff member; null otherwise
 */
public record Caller(String userId, String email, Role role, String tenantId, String clinicId) {

    /** The reserved tenant of platform admins and of patients' platform accounts. */
    public static final String PLATFORM_TENANT = "platform";

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tenantId, "tenantId");
    }

    public boolean isPatient() {
        return role == Role.PATIENT;
    }

    public boolean isPlatformAdmin() {
        return role == Role.ADMIN && PLATFORM_TENANT.equals(tenantId);
    }

    /** Whether the caller works for this tenant: one of its doctors, staff or admins. */
    public boolean worksFor(String tenant) {
        return role.isTenantBound() && tenantId.equals(tenant);
    }

    /** Refuses (403) anyone but a platform admin. */
    public Caller requirePlatformAdmin() {
        if (!isPlatformAdmin()) {
            throw ApiException.forbidden("forbidden", "Only platform admins may do this");
        }
        return this;
    }

    /** Refuses (403) anyone but an admin of a tenant (a healthcare organisation). */
    public Caller requireTenantAdmin() {
        if (role != Role.ADMIN || isPlatformAdmin()) {
            throw ApiException.forbidden("forbidden", "Only the organisation's admins may do this");
        }
        return this;
    }

    /** Refuses (403) a caller whose role is not one of these. */
    public Caller requireRole(Role... allowed) {
        if (Arrays.stream(allowed).noneMatch(role::equals)) {
            throw ApiException.forbidden("forbidden", "This action is not available to a " + role.code());
        }
        return this;
    }
}
