package com.illajwala.events.identity;

import com.illajwala.events.ConsultationMode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A tenant admin added a doctor: the doctor's public profile. The doctor is neither bookable nor
 * searchable until a platform admin verifies them ({@link DoctorVerified}).
 *
 * @param fee      consultation fee in {@code currency}
 * @param currency ISO 4217 code
 */
public record DoctorOnboarded(String doctorId, String tenantId, String name, String specialization,
                              List<String> languages, Set<ConsultationMode> modes, List<String> clinicIds,
                              BigDecimal fee, String currency) implements IdentityEvent {

    @Override
    public String aggregateId() {
        return doctorId;
    }
}
