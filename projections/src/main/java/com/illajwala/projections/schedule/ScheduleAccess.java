package com.illajwala.projections.schedule;

import com.illajwala.projections.doctor.DoctorView;
import com.illajwala.web.ApiException;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Who sees a doctor's schedule: the doctor themself, and their tenant's staff and admins. */
@Component
class ScheduleAccess {

    private final ReactiveMongoTemplate mongo;

    ScheduleAccess(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** 403 for another doctor, 404 for a doctor of another tenant; a doctor's own schedule needs no lookup. */
    Mono<Void> require(String doctorId, Caller caller) {
        caller.requireRole(Role.DOCTOR, Role.STAFF, Role.ADMIN);
        if (caller.role() == Role.DOCTOR) {
            return caller.userId().equals(doctorId) ? Mono.empty()
                    : Mono.error(ApiException.forbidden("forbidden", "A doctor sees only their own schedule"));
        }
        return mongo.findById(doctorId, DoctorView.class, DoctorView.COLLECTION)
                .filter(doctor -> caller.worksFor(doctor.tenantId()))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("doctor_not_found", "No doctor with id " + doctorId)))
                .then();
    }
}
