package com.illajwala.projections.doctor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.illajwala.events.ConsultationMode;
import org.springframework.data.annotation.Id;
import org.springframework.lang.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A doctor's public profile as patients find it; only {@code verified} doctors are ever shown.
 *
 * @param cities        the cities of the doctor's clinics
 * @param nextAvailable the start of the doctor's next open slot, if any
 * @param feeMinor      the fee in minor units, for fee ranges
 * @param searchText    lower-case name and specialization, for free-text search
 * @param lastUpdated   when the last identity event applied to it was committed (the event's time,
 *                      so a rebuild gives the same); null in documents written before it was kept
 */
public record DoctorView(
        @Id String doctorId,
        String tenantId,
        String name,
        String specialization,
        List<String> languages,
        Set<ConsultationMode> modes,
        List<String> clinicIds,
        List<String> cities,
        BigDecimal fee,
        String currency,
        @JsonIgnore long feeMinor,
        @JsonIgnore String searchText,
        @Nullable Instant nextAvailable,
        boolean verified,
        @JsonIgnore @Nullable Instant lastUpdated,
        long version) {

    public static final String COLLECTION = "doctors";
}
