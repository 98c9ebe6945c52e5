package com.illajwala.identity.contact;

import com.illajwala.identity.clinic.ClinicDocument;
import com.illajwala.identity.doctor.DoctorProfileDocument;
import com.illajwala.identity.patient.PatientProfileDocument;
import com.illajwala.identity.patient.PatientProfileDocument.NotificationPreferences;
import com.illajwala.identity.user.UserDocument;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;

/** How to reach a patient and what to call the clinic and the doctor, read from identity's documents. */
@Component
public class Contacts {

    private final ReactiveMongoTemplate mongo;

    public Contacts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * A patient's contact details and notification preferences.
     *
     * @param email    null when the account has none
     * @param phone    E.164, null when the account has none
     * @param channels the channels the patient wants: any of {@code email}, {@code sms}, {@code whatsapp}
     * @param language {@code en} or {@code hi}
     */
    public record PatientContact(String patientId, String name, String email, String phone, List<String> channels,
                                 String language) {
    }

    /** @param timezone the clinic's IANA time zone */
    public record ClinicFacts(String clinicId, String name, String timezone) {
    }

    /** Empty for an unknown patient; a patient who never set preferences has the defaults (email and SMS, English). */
    public Mono<PatientContact> patient(String patientId) {
        Mono<NotificationPreferences> preferences = mongo.findById(patientId, PatientProfileDocument.class)
                .flatMap(profile -> Mono.justOrEmpty(profile.notificationPreferences()))
                .defaultIfEmpty(NotificationPreferences.defaults());
        return mongo.findById(patientId, UserDocument.class)
                .zipWith(preferences, (user, chosen) -> new PatientContact(user.id(), user.name(), user.email(),
                        user.phone(), chosen.channels() == null ? List.of() : List.copyOf(chosen.channels()),
                        Optional.ofNullable(chosen.language()).orElse("en")));
    }

    public Mono<ClinicFacts> clinic(String clinicId) {
        return mongo.findById(clinicId, ClinicDocument.class)
                .map(clinic -> new ClinicFacts(clinic.id(), clinic.name(), clinic.timezone()));
    }

    /** The doctor's name as their profile shows it. */
    public Mono<String> doctorName(String doctorId) {
        return mongo.findById(doctorId, DoctorProfileDocument.class)
                .map(DoctorProfileDocument::name)
                .switchIfEmpty(mongo.findById(doctorId, UserDocument.class).map(UserDocument::name));
    }
}
