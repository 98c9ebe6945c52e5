package com.illajwala.web.access;

import com.illajwala.web.ApiException;
import reactor.core.publisher.Mono;

/**
 * Who a patient may act for besides themself. Dependents are private: they live only in identity's
 * documents and never enter an event, so modules that book for a dependent ask here.
 */
public interface PatientDependents {

    /** Whether the dependent is, at this moment, one of the patient's. */
    Mono<Boolean> isDependentOf(String patientId, String dependentId);

    /** Completes when no dependent is named or it is the patient's; else a 400 naming {@code dependentId}. */
    default Mono<Void> requireOwn(String patientId, String dependentId) {
        if (dependentId == null) {
            return Mono.empty();
        }
        return isDependentOf(patientId, dependentId)
                .flatMap(own -> own ? Mono.<Void>empty()
                        : Mono.error(ApiException.invalidField("dependentId", "must name one of your dependents")));
    }
}
