package com.illajwala.projections.doctor;

import org.springframework.data.annotation.Id;
import org.springframework.lang.Nullable;

import java.time.Instant;

/**
 * A clinic as search and the scheduling feeds need it: where it is.
 *
 * @param lastUpdated when its registration was committed (the event's time); null in documents written before it was kept
 */
public record ClinicView(@Id String clinicId, String tenantId, String name, String city, String timezone,
                         @Nullable Instant lastUpdated, long version) {

    public static final String COLLECTION = "clinics_view";
}
