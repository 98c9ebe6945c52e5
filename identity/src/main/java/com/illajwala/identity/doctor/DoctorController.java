package com.illajwala.identity.doctor;

import com.illajwala.events.ConsultationMode;
import com.illajwala.identity.doctor.Doctors.Credentials;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Doctor onboarding by a tenant's admins, verification by platform admins, and the full profile for the clinic. */
@RestController
class DoctorController {

    private final Doctors doctors;
    private final Clock clock = Clock.systemUTC();

    DoctorController(Doctors doctors) {
        this.doctors = doctors;
    }

    record OnboardDoctorRequest(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 10, max = 128) String password,
            @NotBlank @Size(max = 80) String specialization,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 120) String> qualifications,
            @NotBlank @Size(max = 60) String registrationNumber,
            @NotEmpty @Size(max = 10) List<@Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code") String> languages,
            @NotNull @DecimalMin("0") @DecimalMax("10000000") BigDecimal fee,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @NotEmpty Set<@NotNull ConsultationMode> modes,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> clinicIds) {
    }

    /** @param decision {@code verified} or {@code rejected} */
    record VerificationDecision(
            @NotBlank @Pattern(regexp = "verified|rejected", message = "must be verified or rejected") String decision,
            @Size(max = 500) String note) {
    }

    @PostMapping("/api/doctors")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<DoctorProfileDocument>> onboard(@Valid @RequestBody OnboardDoctorRequest request, Caller caller) {
        caller.requireTenantAdmin();
        DoctorProfileDocument profile = new DoctorProfileDocument(UUID.randomUUID().toString(), caller.tenantId(),
                request.name().trim(), request.specialization().trim().toLowerCase(Locale.ROOT), request.qualifications(),
                request.registrationNumber().trim(), request.languages(), request.fee(), request.currency(), request.modes(),
                request.clinicIds().stream().distinct().toList(), DoctorProfileDocument.PENDING, "awaiting_review", null,
                clock.instant());
        return doctors.onboard(profile, new Credentials(request.email().toLowerCase(Locale.ROOT), request.password()))
                .map(ApiResponse::ok);
    }

    @PostMapping("/api/doctors/{doctorId}/verification")
    Mono<ApiResponse<DoctorProfileDocument>> decide(@PathVariable String doctorId,
                                                    @Valid @RequestBody VerificationDecision request, Caller caller) {
        caller.requirePlatformAdmin();
        return doctors.decide(doctorId, DoctorProfileDocument.VERIFIED.equals(request.decision()), request.note())
                .map(ApiResponse::ok);
    }

    @GetMapping("/api/doctors/verification-queue")
    Mono<ApiResponse<List<DoctorProfileDocument>>> queue(Caller caller) {
        caller.requirePlatformAdmin();
        return doctors.awaitingVerification().collectList().map(ApiResponse::ok);
    }

    /** The full profile, for the doctor themself and their tenant's staff and admins. */
    @GetMapping("/api/doctors/{doctorId}/profile")
    Mono<ApiResponse<DoctorProfileDocument>> profile(@PathVariable String doctorId, Caller caller) {
        caller.requireRole(Role.DOCTOR, Role.STAFF, Role.ADMIN);
        return doctors.byId(doctorId)
                .filter(profile -> caller.role() == Role.DOCTOR ? caller.userId().equals(doctorId)
                        : caller.worksFor(profile.tenantId()) || caller.isPlatformAdmin())
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("doctor_not_found", "No doctor with id " + doctorId)))
                .map(ApiResponse::ok);
    }
}
