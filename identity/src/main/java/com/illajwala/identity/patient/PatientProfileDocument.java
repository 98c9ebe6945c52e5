package com.illajwala.identity.patient;

import com.illajwala.web.access.Caller;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.lang.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * A patient's profile: medical data, so it lives only here, is shown only to the patient, and
 * never enters an event. {@code id} is the patient's user id.
 */
@Document(PatientProfileDocument.COLLECTION)
public record PatientProfileDocument(
        @Id String id,
        String tenantId,
        @Nullable String medicalHistorySummary,
        List<Dependent> dependents,
        NotificationPreferences notificationPreferences,
        @Nullable String primaryClinicId) {

    public static final String COLLECTION = "patient_profiles";

    /** A person the patient books for, such as a child or a parent. */
    public record Dependent(String id, String name, String relationship, LocalDate dateOfBirth) {
    }

    /**
     * @param channels any of {@code email}, {@code sms}, {@code whatsapp}
     * @param language {@code en} or {@code hi}
     */
    public record NotificationPreferences(List<String> channels, String language) {

        public static NotificationPreferences defaults() {
            return new NotificationPreferences(List.of("email", "sms"), "en");
        }
    }

    public static PatientProfileDocument empty(String patientId) {
        return new PatientProfileDocument(patientId, Caller.PLATFORM_TENANT, null, List.of(),
                NotificationPreferences.defaults(), null);
    }
}
