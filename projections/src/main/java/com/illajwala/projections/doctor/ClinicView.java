package com.illajwala.projections.doctor;

import org.springframework.data.annotation.Id;

/** A clinic as search needs it: where it is. */
public record ClinicView(@Id String clinicId, String tenantId, String name, String city, String timezone, long version) {

    public static final String COLLECTION = "clinics_view";
}
