package com.illajwala.platform;

import com.illajwala.identity.patient.PatientProfileDocument;
import com.illajwala.identity.user.UserDocument;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Instant;
import java.util.List;

/** Patients with accounts and notification preferences, written where identity keeps them, for notification tests. */
final class TestPatients {

    private TestPatients() {
    }

    /** @param phone null for a patient without one; {@code channels} the ones they want (email, sms, whatsapp) */
    static void register(ReactiveMongoTemplate mongo, String id, String name, String email, String phone, String language,
                         String... channels) {
        mongo.insert(UserDocument.create(id, Caller.PLATFORM_TENANT, Role.PATIENT, name, email, phone, null, null,
                Instant.now())).block();
        mongo.insert(new PatientProfileDocument(id, Caller.PLATFORM_TENANT, null, List.of(),
                new PatientProfileDocument.NotificationPreferences(List.of(channels), language), null)).block();
    }
}
