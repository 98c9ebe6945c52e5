package com.illajwala.projections.doctor;

import com.illajwala.web.ApiResponse;
import com.illajwala.web.access.HostTenant;
import jakarta.validation.constraints.Size;
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

/**
 * Verified doctors, publicly: through a tenant's host only that tenant's. An unverified doctor,
 * or one of another tenant, does not exist as far as these routes say.
 */
@RestController
class DoctorQueryController {

    private final VisibleDoctors doctors;
    private final ReactiveMongoTemplate mongo;

    DoctorQueryController(VisibleDoctors doctors, ReactiveMongoTemplate mongo) {
        this.doctors = doctors;
        this.mongo = mongo;
    }

    @GetMapping("/api/doctors")
    Mono<ApiResponse<List<DoctorView>>> doctors(@RequestParam(required = false) @Size(max = 80) String specialty,
                                                @RequestParam(required = false) @Size(max = 64) String clinicId,
                                                HostTenant host) {
        Criteria criteria = Criteria.where("verified").is(true);
        host.tenantId().ifPresent(tenant -> criteria.and("tenantId").is(tenant));
        if (specialty != null) {
            criteria.and("specialization").is(specialty.toLowerCase(java.util.Locale.ROOT));
        }
        if (clinicId != null) {
            criteria.and("clinicIds").is(clinicId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("name")).limit(100), DoctorView.class, DoctorView.COLLECTION)
                .collectList().map(ApiResponse::ok);
    }

    @GetMapping("/api/doctors/{doctorId}")
    Mono<ApiResponse<DoctorView>> doctor(@PathVariable String doctorId, HostTenant host) {
        return doctors.visible(doctorId, host).map(ApiResponse::ok);
    }
}
