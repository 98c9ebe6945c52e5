package com.illajwala.projections.appointment;

import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import com.illajwala.projections.ConsistencyWait;
import com.illajwala.web.ConsistencyToken;
import com.illajwala.events.AppointmentStatus;
import com.illajwala.web.access.AuditTrail;
import com.illajwala.web.access.Role;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Appointments from the read model, each caller seeing only their own ({@link AppointmentAccess}).
 * Given the {@code X-Consistency-Token} of the caller's write, a read first waits for the read model
 * to apply it.
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
    /**
     * @param doctorId one doctor's (staff and admins)
     * @param date     one day, in each appointment's clinic's time zone
     * @param status   in these statuses ({@code confirmed}, {@code checked_in}, …)
     */
    @GetMapping("/api/appointments")
    Mono<ApiResponse<List<AppointmentView>>> appointments(Caller caller, HostTenant host, ServerHttpRequest request,
                                                          @RequestHeader(name = ConsistencyToken.HEADER, required = false)
                                                          String token,
                                                          @RequestParam(required = false) @Size(max = 64) String doctorId,
                                                          @RequestParam(required = false) LocalDate date,
                                                          @RequestParam(required = false) Set<String> status) {
        Criteria visible = AppointmentAccess.visibleTo(caller);
        if (caller.isPatient()) {
            // the others are bound to the host's tenant already
            host.tenantId().ifPresent(tenant -> visible.and("tenantId").is(tenant));
        }
        if (doctorId != null && caller.role() != Role.DOCTOR) {
            visible.and("doctorId").is(doctorId);
        }
        if (date != null) {
            // every zone's day lies within fourteen hours either side of the UTC day
            visible.and("start").gte(date.atStartOfDay(ZoneOffset.UTC).minusHours(14).toInstant())
                    .lt(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).plusHours(14).toInstant());
        }
        Set<AppointmentStatus> statuses = statuses(status);
        Query query = Query.query(visible).with(Sort.by("start"));
        return consistency.until(token, AppointmentView.COLLECTION)
                .then(audit.record(caller, request, "read", "appointment", "*", caller.tenantId()))
                .then(mongo.find(query, AppointmentView.class, AppointmentView.COLLECTION)
                        .filter(appointment -> date == null
                                || LocalDate.ofInstant(appointment.start(), ZoneId.of(appointment.timezone())).equals(date))
                        .filter(appointment -> statuses.isEmpty() || statuses.contains(appointment.status()))
                        .collectList())
                .map(ApiResponse::ok);
    }

    private static Set<AppointmentStatus> statuses(Set<String> names) {
        Set<AppointmentStatus> statuses = EnumSet.noneOf(AppointmentStatus.class);
        for (String name : names == null ? Set.<String>of() : names) {
            statuses.add(Arrays.stream(AppointmentStatus.values()).filter(candidate -> candidate.name().equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> ApiException.invalidField("status", "must be an appointment status such as confirmed")));
        }
        return statuses;
    }

    @GetMapping("/api/appointments/{appointmentId}")
    Mono<ApiResponse<AppointmentView>> appointment(@PathVariable String appointmentId, Caller caller, HostTenant host,
                                                   ServerHttpRequest request,
                                                   @RequestHeader(name = ConsistencyToken.HEADER, required = false)
                                                   String token) {
        return consistency.until(token, AppointmentView.COLLECTION).then(mongo.findById(appointmentId, AppointmentView.class, AppointmentView.COLLECTION)
                .filter(appointment -> AppointmentAccess.admits(caller, appointment) && host.admits(appointment.tenantId()))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("appointment_not_found",
                        "No appointment with id " + appointmentId)))
                .flatMap(appointment -> audit.record(caller, request, "read", "appointment", appointmentId,
                        appointment.tenantId()).thenReturn(appointment))
                .map(ApiResponse::ok));
    }
}
