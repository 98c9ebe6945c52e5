package com.illajwala.identity.patient;

import com.illajwala.identity.clinic.Clinics;
import com.illajwala.identity.patient.PatientProfileDocument.Dependent;
import com.illajwala.identity.patient.PatientProfileDocument.NotificationPreferences;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The signed-in patient's own profile: medical history summary, dependents, notification preferences. */
@RestController
class PatientController {

    private static final int MOST_DEPENDENTS = 10;

    private final ReactiveMongoTemplate mongo;
    private final Clinics clinics;

    PatientController(ReactiveMongoTemplate mongo, Clinics clinics) {
        this.mongo = mongo;
        this.clinics = clinics;
    }

    record PreferencesInput(
            @NotEmpty List<@NotNull @Pattern(regexp = "email|sms|whatsapp", message = "must be email, sms or whatsapp") String> channels,
            @NotBlank @Pattern(regexp = "en|hi", message = "must be en or hi") String language) {
    }

    /** Fields left out keep their value. */
    record UpdateProfileRequest(@Size(max = 2000) String medicalHistorySummary,
                                @Valid PreferencesInput notificationPreferences,
                                @Size(max = 64) String primaryClinicId) {
    }

    record AddDependentRequest(@NotBlank @Size(max = 120) String name,
                               @NotBlank @Pattern(regexp = "child|parent|spouse|sibling|other",
                                       message = "must be child, parent, spouse, sibling or other") String relationship,
                               @NotNull @Past LocalDate dateOfBirth) {
    }

    @GetMapping("/api/patients/me")
    Mono<ApiResponse<PatientProfileDocument>> profile(Caller caller) {
        caller.requireRole(Role.PATIENT);
        return profileOf(caller.userId()).map(ApiResponse::ok);
    }

    @PutMapping("/api/patients/me")
    Mono<ApiResponse<PatientProfileDocument>> update(@Valid @RequestBody UpdateProfileRequest request, Caller caller) {
        caller.requireRole(Role.PATIENT);
        Update update = new Update();
        if (request.medicalHistorySummary() != null) {
            update.set("medicalHistorySummary", request.medicalHistorySummary());
        }
        if (request.notificationPreferences() != null) {
            update.set("notificationPreferences", new NotificationPreferences(
                    request.notificationPreferences().channels().stream().distinct().toList(),
                    request.notificationPreferences().language()));
        }
        if (request.primaryClinicId() != null) {
            update.set("primaryClinicId", request.primaryClinicId());
        }
        if (update.getUpdateObject().isEmpty()) {
            return profileOf(caller.userId()).map(ApiResponse::ok);
        }
        Mono<Boolean> clinicKnown = request.primaryClinicId() == null ? Mono.just(true)
                : clinics.exists(request.primaryClinicId());
        return clinicKnown
                .flatMap(known -> known ? profileOf(caller.userId())
                        : Mono.error(ApiException.invalidField("primaryClinicId", "must name a clinic")))
                .then(mongo.findAndModify(byId(caller.userId()), update,
                        FindAndModifyOptions.options().returnNew(true), PatientProfileDocument.class))
                .map(ApiResponse::ok);
    }

    @PostMapping("/api/patients/me/dependents")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<Dependent>> addDependent(@Valid @RequestBody AddDependentRequest request, Caller caller) {
        caller.requireRole(Role.PATIENT);
        Dependent dependent = new Dependent(UUID.randomUUID().toString(), request.name().trim(), request.relationship(),
                request.dateOfBirth());
        Query roomLeft = byId(caller.userId());
        roomLeft.addCriteria(Criteria.where("dependents." + (MOST_DEPENDENTS - 1)).exists(false));
        return profileOf(caller.userId())
                .then(mongo.updateFirst(roomLeft, new Update().push("dependents", dependent), PatientProfileDocument.class))
                .flatMap(result -> result.getModifiedCount() == 1 ? Mono.just(ApiResponse.ok(dependent))
                        : Mono.error(ApiException.unprocessable("too_many_dependents",
                        "A patient can book for at most " + MOST_DEPENDENTS + " dependents")));
    }

    @DeleteMapping("/api/patients/me/dependents/{dependentId}")
    Mono<ApiResponse<Void>> removeDependent(@PathVariable String dependentId, Caller caller) {
        caller.requireRole(Role.PATIENT);
        Query own = byId(caller.userId()).addCriteria(Criteria.where("dependents.id").is(dependentId));
        return mongo.updateFirst(own, new Update().pull("dependents", Query.query(Criteria.where("id").is(dependentId))
                        .getQueryObject()), PatientProfileDocument.class)
                .flatMap(result -> result.getModifiedCount() == 1
                        ? Mono.just(new ApiResponse<Void>(true, null, null, "Dependent removed"))
                        : Mono.error(ApiException.notFound("dependent_not_found", "No dependent with id " + dependentId)));
    }

    /** The profile, created empty on first use: every patient has one. */
    private Mono<PatientProfileDocument> profileOf(String patientId) {
        return mongo.findById(patientId, PatientProfileDocument.class)
                .switchIfEmpty(Mono.defer(() -> mongo.insert(PatientProfileDocument.empty(patientId))
                        .onErrorResume(org.springframework.dao.DuplicateKeyException.class,
                                e -> mongo.findById(patientId, PatientProfileDocument.class))));
    }

    private static Query byId(String patientId) {
        return Query.query(Criteria.where("_id").is(patientId));
    }
}
