package com.illajwala.web.access;

import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

/**
 * The append-only record of every read or change of patient data by a doctor, staff member or
 * admin. A route records before it answers, and fails if the record cannot be written: patient
 * data is never shown unaudited. Patients acting on their own data are not recorded.
 */
public interface AuditTrail {

    /**
     * @param action     {@code read} or {@code change}
     * @param resource   what kind of record, such as {@code appointment}
     * @param resourceId which one; {@code *} for a list
     * @param tenantId   the tenant whose data it is
     */
    Mono<Void> record(Caller caller, ServerHttpRequest request, String action, String resource, String resourceId,
                      String tenantId);
}
