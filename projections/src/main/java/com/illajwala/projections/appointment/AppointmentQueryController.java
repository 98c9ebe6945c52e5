package com.illajwala.projections.appointment;

import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import com.illajwala.projections.ConsistencyWait;
import com.illajwala.web.ConsistencyToken;
import com.illajwala.web.access.AuditTrail;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.HostTenant;
import org.springframework.data.domain.Sort;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Appointments from the read model, each caller seeing only their own: a patient their own
 * appointments, a doctor the appointments with them, staff and admins their tenant's. Anything
 * else is answered as if it did not exist. Given the {@code X-Consistency-Token} of the caller's write,
 * a read first waits for the read model to apply it.
 */
@RestController
class AppointmentQueryController {

    private final ReactiveMongoTemplate mongo;
    private final AuditTrail audit;
    private final ConsistencyWait consistency;

    AppointmentQueryController(ReactiveMongoTemplate mongo, AuditTrail audit, ConsistencyWait consistency) {
        this.mongo = mongo;
        this.audit = audit;
        this.consistency = consistency;
    }

    /** The caller's appointments, soonest first; through a tenant's host, only that tenant's. */
    @GetMapping("/api/appointments")
    Mono<ApiResponse<List<AppointmentView>>> appointments(Caller caller, HostTenant host, ServerHttpRequest request,
                                                          @RequestHeader(name = ConsistencyToken.HEADER, required = false)
                                                          String token) {
        Criteria visible = visibleTo(caller);
        if (caller.isPatient()) {
            // the others are bound to the host's tenant already
            host.tenantId().ifPresent(tenant -> visible.and("tenantId").is(tenant));
        }
        Query query = Query.query(visible).with(Sort.by("start"));
        return consistency.until(token, AppointmentView.COLLECTION)
                .then(audit.record(caller, request, "read", "appointment", "*", caller.tenantId()))
                .then(mongo.find(query, AppointmentView.class, AppointmentView.COLLECTION).collectList())
                .map(ApiResponse::ok);
    }

    @GetMapping("/api/appointments/{appointmentId}")
    Mono<ApiResponse<AppointmentView>> appointment(@PathVariable String appointmentId, Caller caller, HostTenant host,
                                                   ServerHttpRequest request,
                                                   @RequestHeader(name = ConsistencyToken.HEADER, required = false)
                                                   String token) {
        Criteria visible = visibleTo(caller).and("_id").is(appointmentId);
        return consistency.until(token, AppointmentView.COLLECTION).then(mongo.findOne(Query.query(visible), AppointmentView.class, AppointmentView.COLLECTION)
                .filter(appointment -> host.admits(appointment.tenantId()))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("appointment_not_found",
                        "No appointment with id " + appointmentId)))
                .flatMap(appointment -> audit.record(caller, request, "read", "appointment", appointmentId,
                        appointment.tenantId()).thenReturn(appointment))
                .map(ApiResponse::ok));
    }

    private static Criteria visibleTo(Caller caller) {
        return switch (caller.role()) {
            case PATIENT -> Criteria.where("patientId").is(caller.userId());
            case DOCTOR -> Criteria.where("tenantId").is(caller.tenantId()).and("doctorId").is(caller.userId());
            case STAFF, ADMIN -> {
                if (caller.isPlatformAdmin()) {
                    throw ApiException.forbidden("forbidden", "Platform admins do not read patients' appointments");
                }
                yield Criteria.where("tenantId").is(caller.tenantId());
            }
        };
    }
}
