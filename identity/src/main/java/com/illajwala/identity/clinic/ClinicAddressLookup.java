package com.illajwala.identity.clinic;

import com.illajwala.web.directory.ClinicAddresses;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.Collection;
import java.util.stream.Stream;

/** Answers from the clinics' documents: the address and phone number their public page shows. */
@Component
class ClinicAddressLookup implements ClinicAddresses {

    private final ReactiveMongoTemplate mongo;

    ClinicAddressLookup(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Flux<ClinicAddress> of(Collection<String> clinicIds) {
        if (clinicIds.isEmpty()) {
            return Flux.empty();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(clinicIds)), ClinicDocument.class)
                .map(clinic -> new ClinicAddress(clinic.id(),
                        Stream.of(clinic.address().line1(), clinic.address().line2()).filter(line -> line != null && !line.isBlank()).toList(),
                        clinic.address().city(), clinic.address().state(), clinic.address().postalCode(),
                        clinic.address().country(), clinic.contact().phone()));
    }
}
