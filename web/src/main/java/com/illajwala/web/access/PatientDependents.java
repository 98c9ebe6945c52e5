package com.illajwala.web.access;

import reactor.core.publisher.Mono;

/**
 * Who a patient may act for besides themself. Dependents are private: they live only in identity's
 * documents and never enter an event, so modules that book for a dependent ask here.
 */
public interface PatientDependents {

    /** Whether the dependent is, at this moment, one of the patient's. */
    Mono<Boolean> isDependentOf(String patientId, String dependentId);
}
