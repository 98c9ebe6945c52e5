package com.illajwala.projections.doctor;

import com.illajwala.events.identity.ClinicRegistered;
import com.illajwala.events.identity.DoctorOnboarded;
import com.illajwala.events.identity.DoctorVerified;
import com.illajwala.events.identity.IdentityEvent;
import com.illajwala.projections.ReadModelWrites;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Locale;

/** Keeps {@link DoctorView}s and {@link ClinicView}s from the identity topic. */
@Component
public class DoctorViewProjection {

    private final ReactiveMongoTemplate mongo;

    public DoctorViewProjection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Clinics and doctors arrive on different partitions, in either order: each writes itself first,
     * then a doctor takes the cities of the clinics already there and a clinic gives its city to the
     * doctors already there, so whichever comes second completes the doctor's cities.
     *
     * @param time when the event was committed, the document's {@code lastUpdated}
     */
    public void on(IdentityEvent event, long sequence, Instant time, ReadModelWrites writes) {
        if (event instanceof ClinicRegistered clinic) {
            writes.create(ClinicView.COLLECTION, clinic.clinicId(), sequence, new Update()
                    .setOnInsert("tenantId", clinic.tenantId())
                    .setOnInsert("name", clinic.name())
                    .setOnInsert("city", clinic.city())
                    .setOnInsert("timezone", clinic.timezone())
                    .setOnInsert("lastUpdated", time));
            writes.then(() -> mongo.updateMulti(Query.query(Criteria.where("clinicIds").is(clinic.clinicId())),
                    new Update().addToSet("cities", clinic.city()), DoctorView.COLLECTION).then());
        }
        if (event instanceof DoctorOnboarded onboarded) {
            writes.create(DoctorView.COLLECTION, onboarded.doctorId(), sequence, new Update()
                    .setOnInsert("tenantId", onboarded.tenantId())
                    .setOnInsert("name", onboarded.name())
                    .setOnInsert("specialization", onboarded.specialization())
                    .setOnInsert("languages", onboarded.languages())
                    .setOnInsert("modes", onboarded.modes())
                    .setOnInsert("clinicIds", onboarded.clinicIds())
                    .setOnInsert("fee", onboarded.fee())
                    .setOnInsert("feeMinor", onboarded.fee().movePointRight(2).longValue())
                    .setOnInsert("currency", onboarded.currency())
                    .setOnInsert("searchText", (onboarded.name() + " " + onboarded.specialization()).toLowerCase(Locale.ROOT))
                    .setOnInsert("verified", false)
                    .setOnInsert("lastUpdated", time));
            writes.then(() -> mongo.find(Query.query(Criteria.where("_id").in(onboarded.clinicIds())), ClinicView.class,
                            ClinicView.COLLECTION)
                    .concatMap(clinic -> mongo.updateFirst(Query.query(Criteria.where("_id").is(onboarded.doctorId())),
                            new Update().addToSet("cities", clinic.city()), DoctorView.COLLECTION))
                    .then());
        }
        if (event instanceof DoctorVerified verified) {
            writes.update(DoctorView.COLLECTION, verified.doctorId(), sequence, new Update().set("verified", true)
                    .set("lastUpdated", time));
        }
    }
}
