package com.illajwala.projections.schedule;

import com.illajwala.projections.ConsistencyWait;
import com.illajwala.projections.appointment.AppointmentView;
import com.illajwala.projections.doctor.ClinicView;
import com.illajwala.projections.doctor.DoctorView;
import com.illajwala.projections.slot.SlotView;
import com.illajwala.web.ApiResponse;
import com.illajwala.web.ConsistencyToken;
import com.illajwala.web.access.AuditTrail;
import com.illajwala.web.access.Caller;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The doctor's day as the board shows it (the live stream then moves it). */
@RestController
class ScheduleController {

    private final ReactiveMongoTemplate mongo;
    private final ScheduleAccess access;
    private final AuditTrail audit;
    private final ConsistencyWait consistency;

    ScheduleController(ReactiveMongoTemplate mongo, ScheduleAccess access, AuditTrail audit, ConsistencyWait consistency) {
        this.mongo = mongo;
        this.access = access;
        this.audit = audit;
        this.consistency = consistency;
    }

    /** @param date the day in the doctor's clinic's time zone; today when absent */
    @GetMapping("/api/doctors/{doctorId}/schedule")
    Mono<ApiResponse<ScheduleBoard>> schedule(@PathVariable String doctorId, @RequestParam(required = false) LocalDate date,
                                              @RequestHeader(name = ConsistencyToken.HEADER, required = false) String token,
                                              Caller caller, ServerHttpRequest request) {
        return access.require(doctorId, caller)
                .then(consistency.until(token, AppointmentView.COLLECTION))
                .then(audit.record(caller, request, "read", "schedule", doctorId, caller.tenantId()))
                .then(zoneOf(doctorId))
                .flatMap(zone -> {
                    LocalDate day = date == null ? LocalDate.now(zone) : date;
                    Criteria ofTheDay = Criteria.where("doctorId").is(doctorId).and("tenantId").is(caller.tenantId())
                            .and("start").gte(day.atStartOfDay(zone).toInstant()).lt(day.plusDays(1).atStartOfDay(zone).toInstant());
                    return Mono.zip(
                                    mongo.find(Query.query(ofTheDay), AppointmentView.class, AppointmentView.COLLECTION).collectList(),
                                    mongo.find(Query.query(ofTheDay), SlotView.class, SlotView.COLLECTION).collectList())
                            .map(found -> ScheduleBoard.of(doctorId, day, zone.getId(), found.getT1(), found.getT2(), Instant.now()));
                })
                .map(ApiResponse::ok);
    }

    /** The time zone of the doctor's first clinic; UTC for a doctor the read side does not know yet. */
    private Mono<ZoneId> zoneOf(String doctorId) {
        return mongo.findById(doctorId, DoctorView.class, DoctorView.COLLECTION)
                .filter(doctor -> doctor.clinicIds() != null && !doctor.clinicIds().isEmpty())
                .flatMap(doctor -> mongo.findById(doctor.clinicIds().get(0), ClinicView.class, ClinicView.COLLECTION))
                .map(clinic -> ZoneId.of(clinic.timezone()))
                .defaultIfEmpty(ZoneOffset.UTC);
    }
}
