package com.illajwala.identity.patient;

import com.illajwala.web.access.PatientDependents;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Answers from the patient's profile document. */
@Component
class PatientDependentsLookup implements PatientDependents {

    private final ReactiveMongoTemplate mongo;

    PatientDependentsLookup(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Boolean> isDependentOf(String patientId, String dependentId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(patientId).and("dependents.id").is(dependentId)),
                PatientProfileDocument.class);
    }
}
