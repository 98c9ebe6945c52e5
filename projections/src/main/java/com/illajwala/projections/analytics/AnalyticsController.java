package com.illajwala.projections.analytics;

import com.illajwala.projections.appointment.AppointmentView;
import com.illajwala.projections.doctor.ClinicView;
import com.illajwala.projections.slot.SlotView;
import com.illajwala.projections.waitlist.WaitlistView;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import jakarta.validation.constraints.Size;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

/** Figures for clinic admins (their tenant) and platform admins (any tenant, or all). */
@RestController
class AnalyticsController {

    private static final int LONGEST_RANGE_DAYS = 366;

    private final ReactiveMongoTemplate mongo;

    AnalyticsController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param from     the first day, inclusive
     * @param to       the last day, inclusive; at most 366 days after {@code from}
     * @param tenantId for platform admins: one tenant's figures (all tenants' when absent); a clinic
     *                 admin always gets their own tenant's
     */
    @GetMapping("/api/analytics")
    Mono<ApiResponse<AnalyticsReport>> analytics(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                                 @RequestParam(required = false) @Size(max = 64) String clinicId,
                                                 @RequestParam(required = false) @Size(max = 64) String doctorId,
                                                 @RequestParam(required = false) @Size(max = 64) String tenantId,
                                                 Caller caller) {
        caller.requireRole(Role.ADMIN);
        if (to.isBefore(from)) {
            throw ApiException.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > LONGEST_RANGE_DAYS) {
            throw ApiException.invalidField("to", "must be at most " + LONGEST_RANGE_DAYS + " days after from");
        }
        String tenant = caller.isPlatformAdmin() ? tenantId : caller.tenantId();
        // a day anywhere on Earth lies within a day either side of the UTC day
        Instant since = from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Criteria scope = scope(tenant, clinicId, doctorId);
        Criteria appointments = scope(tenant, clinicId, doctorId).orOperator(
                Criteria.where("bookedAt").gte(since).lt(until), Criteria.where("cancelledAt").gte(since).lt(until),
                Criteria.where("start").gte(since).lt(until), Criteria.where("paidAt").gte(since).lt(until),
                Criteria.where("refundedAt").gte(since).lt(until));
        return Mono.zip(
                        mongo.find(Query.query(appointments), AppointmentView.class, AppointmentView.COLLECTION).collectList(),
                        mongo.find(Query.query(scope(tenant, clinicId, doctorId).and("start").gte(since).lt(until)),
                                SlotView.class, SlotView.COLLECTION).collectList(),
                        mongo.find(Query.query(scope.and("joinedAt").gte(since).lt(until)), WaitlistView.class,
                                WaitlistView.COLLECTION).collectList(),
                        mongo.findAll(ClinicView.class, ClinicView.COLLECTION)
                                .collect(Collectors.toMap(ClinicView::clinicId, clinic -> ZoneId.of(clinic.timezone()))))
                .map(found -> AnalyticsReport.of(from, to, found.getT1(), found.getT2(), found.getT3(), found.getT4()))
                .map(ApiResponse::ok);
    }

    private static Criteria scope(String tenantId, String clinicId, String doctorId) {
        Criteria criteria = new Criteria();
        if (tenantId != null) {
            criteria.and("tenantId").is(tenantId);
        }
        if (clinicId != null) {
            criteria.and("clinicId").is(clinicId);
        }
        if (doctorId != null) {
            criteria.and("doctorId").is(doctorId);
        }
        return criteria;
    }
}
