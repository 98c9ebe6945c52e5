package com.illajwala.projections.doctor;

import com.illajwala.web.ApiException;
import com.illajwala.web.access.HostTenant;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Doctors as the public may see them: verified, and of the host's tenant when there is one. */
@Component
public class VisibleDoctors {

    private final ReactiveMongoTemplate mongo;

    public VisibleDoctors(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The doctor, or a 404 for one that is unverified, of another tenant, or unknown. */
    public Mono<DoctorView> visible(String doctorId, HostTenant host) {
        return mongo.findById(doctorId, DoctorView.class, DoctorView.COLLECTION)
                .filter(doctor -> doctor.verified() && host.admits(doctor.tenantId()))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("doctor_not_found", "No doctor with id " + doctorId)));
    }
}
