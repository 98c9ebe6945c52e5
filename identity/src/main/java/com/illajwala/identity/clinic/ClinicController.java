package com.illajwala.identity.clinic;

import com.illajwala.identity.clinic.ClinicDocument.Address;
import com.illajwala.identity.clinic.ClinicDocument.BookingPolicy;
import com.illajwala.identity.clinic.ClinicDocument.CapacitySettings;
import com.illajwala.identity.clinic.ClinicDocument.Contact;
import com.illajwala.events.identity.WaitlistPolicy;
import com.illajwala.web.ApiException;
import com.illajwala.web.ApiResponse;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.HostTenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A tenant's admins register its clinics; anyone may read a clinic's public page. */
@RestController
class ClinicController {

    private static final String PHONE = "\\+[1-9][0-9]{7,14}";

    private final Clinics clinics;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock = Clock.systemUTC();

    ClinicController(Clinics clinics, ReactiveMongoTemplate mongo) {
        this.clinics = clinics;
        this.mongo = mongo;
    }

    record AddressInput(@NotBlank @Size(max = 200) String line1, @Size(max = 200) String line2,
                        @NotBlank @Size(max = 100) String city, @Size(max = 100) String state,
                        @NotBlank @Size(max = 20) String postalCode,
                        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code") String country) {
    }

    record ContactInput(@NotBlank @Pattern(regexp = PHONE, message = "must be an E.164 number") String phone,
                        @NotBlank @Email @Size(max = 254) String email) {
    }

    record CapacityInput(@Min(1) @Max(500) int maxAppointmentsPerDoctorPerDay, @Min(1) @Max(100) int groupSessionSeats) {
    }

    record WaitlistPolicyInput(@Min(1) @Max(1440) int offerMinutes, @Min(0) @Max(100) int urgencyWeight,
                               @Min(0) @Max(100) int waitingTimeWeight, @Min(0) @Max(100) int flexibilityWeight) {
    }

    record BookingPolicyInput(@Min(0) @Max(168) int cancellationNoticeHours,
                              @NotNull @Size(max = 3) List<@NotNull @Min(1) @Max(168) Integer> reminderHoursBefore) {
    }

    /** Capacity, waitlist and booking policies take the documented defaults when absent. */
    record RegisterClinicRequest(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}[a-z0-9]", message = "must be lower-case letters, digits or hyphens") String slug,
            @NotBlank @Size(max = 64) String timezone,
            @NotNull @Valid AddressInput address,
            @NotNull @Valid ContactInput contact,
            @Valid CapacityInput capacity,
            @Valid WaitlistPolicyInput waitlistPolicy,
            @Valid BookingPolicyInput bookingPolicy) {
    }

    @PostMapping("/api/clinics")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<ClinicDocument>> register(@Valid @RequestBody RegisterClinicRequest request, Caller caller) {
        caller.requireTenantAdmin();
        // a fixed offset such as +05:30 has no daylight-saving rules: slots would shift by an hour twice a year
        if (!ZoneId.getAvailableZoneIds().contains(request.timezone())) {
            throw ApiException.invalidField("timezone", "must be an IANA time zone such as Asia/Kolkata");
        }
        AddressInput address = request.address();
        ClinicDocument clinic = new ClinicDocument(UUID.randomUUID().toString(), caller.tenantId(), request.name().trim(),
                request.slug(), request.timezone(),
                new Address(address.line1(), address.line2(), address.city(), address.state(), address.postalCode(),
                        address.country()),
                new Contact(request.contact().phone(), request.contact().email()),
                request.capacity() == null ? CapacitySettings.defaults()
                        : new CapacitySettings(request.capacity().maxAppointmentsPerDoctorPerDay(),
                        request.capacity().groupSessionSeats()),
                request.waitlistPolicy() == null ? WaitlistPolicy.defaults()
                        : new WaitlistPolicy(request.waitlistPolicy().offerMinutes(), request.waitlistPolicy().urgencyWeight(),
                        request.waitlistPolicy().waitingTimeWeight(), request.waitlistPolicy().flexibilityWeight()),
                request.bookingPolicy() == null ? BookingPolicy.defaults()
                        : new BookingPolicy(request.bookingPolicy().cancellationNoticeHours(),
                        request.bookingPolicy().reminderHoursBefore().stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList()),
                clock.instant());
        return clinics.register(clinic).map(ApiResponse::ok);
    }

    /** The clinics of the host's tenant; every tenant's on the platform's own host. */
    @GetMapping("/api/clinics")
    Mono<ApiResponse<List<ClinicDocument>>> clinics(HostTenant host) {
        Criteria criteria = host.tenantId().map(tenant -> Criteria.where("tenantId").is(tenant)).orElseGet(Criteria::new);
        return mongo.find(Query.query(criteria).with(Sort.by("name")), ClinicDocument.class).collectList()
                .map(ApiResponse::ok);
    }

    @GetMapping("/api/clinics/{clinicId}")
    Mono<ApiResponse<ClinicDocument>> clinic(@PathVariable String clinicId, HostTenant host) {
        return mongo.findById(clinicId, ClinicDocument.class)
                .filter(clinic -> host.admits(clinic.tenantId()))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("clinic_not_found", "No clinic with id " + clinicId)))
                .map(ApiResponse::ok);
    }
}
