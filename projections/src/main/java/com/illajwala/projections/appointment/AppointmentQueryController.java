package com.illajwala.projections.appointment;

import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/** Appointments from the read model. */
@RestController
class AppointmentQueryController {

    private final ReactiveMongoTemplate mongo;

    AppointmentQueryController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A patient's appointments, soonest first; the patient comes from the caller's token once identity lands. */
    @GetMapping("/api/appointments")
    Mono<ApiResponse<List<AppointmentView>>> appointments(@RequestParam String patientId) {
        Query query = Query.query(Criteria.where("patientId").is(patientId)).with(Sort.by("start"));
        return mongo.find(query, AppointmentView.class, AppointmentView.COLLECTION).collectList().map(ApiResponse::ok);
    }

    @GetMapping("/api/appointments/{appointmentId}")
    Mono<ApiResponse<AppointmentView>> appointment(@PathVariable String appointmentId) {
        return mongo.findById(appointmentId, AppointmentView.class, AppointmentView.COLLECTION)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("appointment_not_found",
                        "No appointment with id " + appointmentId)))
                .map(ApiResponse::ok);
    }
}
