package com.illajwala.identity.doctor;

import com.illajwala.events.ConsultationMode;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A doctor's full profile. {@code id} is the doctor's user id. The registration number and
 * qualifications are what a platform admin checks before verifying.
 *
 * @param verificationStatus {@code pending}, {@code verified} or {@code rejected}
 * @param reviewStatus       {@code awaiting_review} until a platform admin has looked, then {@code reviewed}
 */
@Document(DoctorProfileDocument.COLLECTION)
public record DoctorProfileDocument(
        @Id String id,
        String tenantId,
        String name,
        String specialization,
        List<String> qualifications,
        String registrationNumber,
        List<String> languages,
        BigDecimal fee,
        String currency,
        Set<ConsultationMode> modes,
        List<String> clinicIds,
        String verificationStatus,
        String reviewStatus,
        String reviewNote,
        Instant createdAt) {

    public static final String COLLECTION = "doctor_profiles";
    public static final String PENDING = "pending";
    public static final String VERIFIED = "verified";
    public static final String REJECTED = "rejected";
}
