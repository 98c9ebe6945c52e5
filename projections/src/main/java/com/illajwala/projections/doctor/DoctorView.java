package com.illajwala.projections.doctor;

import com.illajwala.events.ConsultationMode;
import org.springframework.data.annotation.Id;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** A doctor's public profile as patients find it; only {@code verified} doctors are ever shown. */
public record DoctorView(
        @Id String doctorId,
        String tenantId,
        String name,
        String specialization,
        List<String> languages,
        Set<ConsultationMode> modes,
        List<String> clinicIds,
        BigDecimal fee,
        String currency,
        boolean verified,
        long version) {

    public static final String COLLECTION = "doctors";
}
