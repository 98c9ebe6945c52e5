package com.illajwala.projections.doctor;

import com.illajwala.events.identity.DoctorOnboarded;
import com.illajwala.events.identity.DoctorVerified;
import com.illajwala.events.identity.IdentityEvent;
import com.illajwala.projections.VersionedUpsert;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps {@link DoctorView}s from the identity topic. */
@Component
public class DoctorViewProjection {

    private final VersionedUpsert upsert;

    public DoctorViewProjection(VersionedUpsert upsert) {
        this.upsert = upsert;
    }

    public Mono<Void> on(IdentityEvent event, long sequence) {
        if (event instanceof DoctorOnboarded onboarded) {
            return upsert.create(DoctorView.COLLECTION, onboarded.doctorId(), sequence, new Update()
                    .setOnInsert("tenantId", onboarded.tenantId())
                    .setOnInsert("name", onboarded.name())
                    .setOnInsert("specialization", onboarded.specialization())
                    .setOnInsert("languages", onboarded.languages())
                    .setOnInsert("modes", onboarded.modes())
                    .setOnInsert("clinicIds", onboarded.clinicIds())
                    .setOnInsert("fee", onboarded.fee())
                    .setOnInsert("currency", onboarded.currency())
                    .setOnInsert("verified", false));
        }
        if (event instanceof DoctorVerified verified) {
            return upsert.update(DoctorView.COLLECTION, verified.doctorId(), sequence, new Update().set("verified", true));
        }
        return Mono.empty();
    }
}
