package com.illajwala.platform;

import com.illajwala.events.identity.ClinicRegistered;
import com.illajwala.events.identity.DoctorOnboarded;
import com.illajwala.events.identity.DoctorVerified;
import com.illajwala.events.identity.TenantRegistered;
import com.illajwala.identity.user.UserAccounts;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * The identity routes through the whole stack (HTTP, Axon event store, outbox, Kafka, read side):
 * onboarding of tenants, clinics, doctors and staff, who may call what, validation, what identity
 * events may carry, patients' own profiles and the audit trail. Every test makes its own tenants
 * and accounts under random names, so tests never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdentityRoutesIT {

    private static final String PLATFORM_ADMINS_HOST = "admin.localhost";
    private static final String PLATFORM_HOST = "localhost";
    private static final String PASSWORD = "a-long-password-1";
    private static final Duration READ_SIDE_LAG = Duration.ofSeconds(30);

    @Autowired
    WebTestClient client;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAccounts accounts;

    /** The autowired client with room for Argon2 hashing and command handling on a busy machine. */
    private WebTestClient http;

    /** A tenant and its first admin, signed in through the tenant's host. */
    private record TenantFixture(String slug, String adminEmail, String adminToken, WebTestClient admin) {

        String host() {
            return slug + ".localhost";
        }
    }

    private record DoctorFixture(String id, String email, String registrationNumber) {
    }

    /** A signed-in account and the access token it holds. */
    private record MemberFixture(String id, String email, String token, WebTestClient client) {
    }

    /** What the identity routes write; a refused request must leave every number as it was. */
    private record StoredState(long tenants, long clinics, long doctorProfiles, long users, long patientProfiles,
                               long identityEvents) {
    }

    @BeforeEach
    void allowForSlowHashing() {
        http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    // 1. Onboarding

    @Test
    void aRegisteredTenantOnboardsAClinicAndADoctorWhoBecomesPublicOnlyOnceVerified() {
        WebTestClient platformAdmin = platformAdmin();
        String slug = uniqueSlug();
        String adminEmail = uniqueEmail("admin");

        platformAdmin.post().uri("/api/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(tenantBody(slug, adminEmail, PASSWORD)).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.data.id").isEqualTo(slug)
                .jsonPath("$.data.name").isEqualTo("Clinic group " + slug);
        platformAdmin.get().uri("/api/tenants").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data[?(@.id == '" + slug + "')]").exists();
        assertThat(eventsOf(slug, TenantRegistered.class)).isEqualTo(1);

        WebTestClient tenantAdmin = signIn(slug + ".localhost", adminEmail, PASSWORD).client();
        String clinicSlug = "main-" + shortId();
        EntityExchangeResult<byte[]> clinic = tenantAdmin.post().uri("/api/clinics").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(clinicBody(clinicSlug, phoneNumber(), uniqueEmail("desk"), "12 MG Road")).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.data.tenantId").isEqualTo(slug)
                .jsonPath("$.data.slug").isEqualTo(clinicSlug)
                .jsonPath("$.data.timezone").isEqualTo("Asia/Kolkata")
                .jsonPath("$.data.capacity.maxAppointmentsPerDoctorPerDay").isEqualTo(40)
                .jsonPath("$.data.capacity.groupSessionSeats").isEqualTo(4)
                .jsonPath("$.data.waitlistPolicy.offerMinutes").isEqualTo(15)
                .jsonPath("$.data.waitlistPolicy.urgencyWeight").isEqualTo(50)
                .jsonPath("$.data.waitlistPolicy.waitingTimeWeight").isEqualTo(30)
                .jsonPath("$.data.waitlistPolicy.flexibilityWeight").isEqualTo(20)
                .returnResult();
        String clinicId = read(clinic, "$.data.id");
        // The stored clinic, not only the answer, has the defaults.
        anonymous(slug + ".localhost").get().uri("/api/clinics/{id}", clinicId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.capacity.maxAppointmentsPerDoctorPerDay").isEqualTo(40)
                .jsonPath("$.data.waitlistPolicy.flexibilityWeight").isEqualTo(20);
        assertThat(eventsOf(clinicId, ClinicRegistered.class)).isEqualTo(1);

        String doctorEmail = uniqueEmail("doctor");
        String registrationNumber = registrationNumber();
        EntityExchangeResult<byte[]> onboarded = tenantAdmin.post().uri("/api/doctors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(doctorBody(doctorEmail, PASSWORD, registrationNumber, List.of(clinicId))).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.data.tenantId").isEqualTo(slug)
                .jsonPath("$.data.verificationStatus").isEqualTo("pending")
                .jsonPath("$.data.clinicIds[0]").isEqualTo(clinicId)
                .returnResult();
        String doctorId = read(onboarded, "$.data.id");
        assertThat(eventsOf(doctorId, DoctorOnboarded.class)).isEqualTo(1);

        WebTestClient doctor = signIn(slug + ".localhost", doctorEmail, PASSWORD).client();
        doctor.get().uri("/api/doctors/{id}/profile", doctorId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.id").isEqualTo(doctorId)
                .jsonPath("$.data.registrationNumber").isEqualTo(registrationNumber)
                .jsonPath("$.data.verificationStatus").isEqualTo("pending");
        platformAdmin.get().uri("/api/doctors/verification-queue").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data[?(@.id == '" + doctorId + "' && @.verificationStatus == 'pending')]").exists();

        // Once the onboarding has reached the read side, the public routes still do not show the doctor.
        await().atMost(READ_SIDE_LAG).until(() -> projectedDoctor(doctorId) != null);
        assertThat(projectedDoctor(doctorId).getBoolean("verified")).isFalse();
        anonymous(PLATFORM_HOST).get().uri("/api/doctors/{id}", doctorId).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("doctor_not_found");
        anonymous(slug + ".localhost").get().uri("/api/doctors").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.items[?(@.doctorId == '" + doctorId + "')]").doesNotExist();
        assertThat(eventsOf(doctorId, DoctorVerified.class)).isZero();

        platformAdmin.post().uri("/api/doctors/{id}/verification", doctorId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("decision", "verified", "note", "Registration checked")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.verificationStatus").isEqualTo("verified")
                .jsonPath("$.data.reviewStatus").isEqualTo("reviewed")
                .jsonPath("$.data.reviewNote").isEqualTo("Registration checked");

        await().atMost(READ_SIDE_LAG).untilAsserted(() -> anonymous(PLATFORM_HOST).get().uri("/api/doctors/{id}", doctorId)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.doctorId").isEqualTo(doctorId)
                .jsonPath("$.data.tenantId").isEqualTo(slug)
                .jsonPath("$.data.verified").isEqualTo(true)
                .jsonPath("$.data.specialization").isEqualTo("cardiology")
                .jsonPath("$.data.clinicIds[0]").isEqualTo(clinicId));
        anonymous(slug + ".localhost").get().uri("/api/doctors").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.items[?(@.doctorId == '" + doctorId + "')]").exists();
        anonymous(uniqueSlug() + ".localhost").get().uri("/api/doctors/{id}", doctorId).exchange()
                .expectStatus().isNotFound();
        assertThat(eventsOf(doctorId, DoctorVerified.class)).isEqualTo(1);

        platformAdmin.post().uri("/api/doctors/{id}/verification", doctorId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("decision", "verified")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.verificationStatus").isEqualTo("verified");
        assertThat(eventsOf(doctorId, DoctorVerified.class)).isEqualTo(1);

        platformAdmin.post().uri("/api/doctors/{id}/verification", doctorId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("decision", "rejected", "note", "Changed my mind")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("already_verified");
        tenantAdmin.get().uri("/api/doctors/{id}/profile", doctorId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.verificationStatus").isEqualTo("verified");
        platformAdmin.get().uri("/api/doctors/verification-queue").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data[?(@.id == '" + doctorId + "')]").doesNotExist();
    }

    // 2. Roles

    @Test
    void identityRoutesRefuseCallersWithoutTheRightRoleAndAnonymousCallers() {
        WebTestClient platformAdmin = platformAdmin();
        TenantFixture tenant = registerTenant(platformAdmin);
        String clinicId = registerClinic(tenant);
        DoctorFixture doctor = onboardDoctor(tenant, clinicId);
        WebTestClient doctorClient = signIn(tenant.host(), doctor.email(), PASSWORD).client();
        WebTestClient staff = addStaff(tenant, clinicId).client();
        WebTestClient patient = registerPatient().client();
        StoredState before = stored();

        Map<String, Object> newTenant = tenantBody(uniqueSlug(), uniqueEmail("admin"), PASSWORD);
        Map<String, Object> newClinic = clinicBody("second-" + shortId(), phoneNumber(), uniqueEmail("desk"), "1 Park Street");
        Map<String, Object> newDoctor = doctorBody(uniqueEmail("doctor"), PASSWORD, registrationNumber(), List.of(clinicId));
        Map<String, Object> newStaff = staffBody(uniqueEmail("staff"), clinicId);
        Map<String, Object> verify = Map.of("decision", "verified");
        Map<String, Object> dependent = Map.of("name", "Riya", "relationship", "child", "dateOfBirth", "2019-04-01");
        String verification = "/api/doctors/" + doctor.id() + "/verification";
        String profile = "/api/doctors/" + doctor.id() + "/profile";

        // A tenant's admin runs their organisation, not the platform.
        assertForbidden(tenant.admin(), POST, "/api/tenants", newTenant);
        assertForbidden(tenant.admin(), GET, "/api/tenants", null);
        assertForbidden(tenant.admin(), POST, verification, verify);
        assertForbidden(tenant.admin(), GET, "/api/doctors/verification-queue", null);
        // Staff and doctors neither onboard anyone nor open clinics; nobody verifies themself.
        assertForbidden(staff, POST, "/api/doctors", newDoctor);
        assertForbidden(staff, POST, "/api/staff", newStaff);
        assertForbidden(staff, GET, "/api/staff", null);
        assertForbidden(staff, POST, "/api/clinics", newClinic);
        assertForbidden(staff, GET, "/api/audit", null);
        assertForbidden(doctorClient, POST, "/api/doctors", newDoctor);
        assertForbidden(doctorClient, POST, "/api/staff", newStaff);
        assertForbidden(doctorClient, POST, verification, verify);
        // Patients run only their own profile.
        assertForbidden(patient, POST, "/api/clinics", newClinic);
        assertForbidden(patient, POST, "/api/tenants", newTenant);
        assertForbidden(patient, POST, "/api/doctors", newDoctor);
        assertForbidden(patient, POST, "/api/staff", newStaff);
        assertForbidden(patient, POST, verification, verify);
        assertForbidden(patient, GET, profile, null);
        assertForbidden(patient, GET, "/api/audit", null);
        // Platform admins register tenants and verify doctors; they do not run a tenant's clinics.
        assertForbidden(platformAdmin, POST, "/api/clinics", newClinic);
        assertForbidden(platformAdmin, POST, "/api/doctors", newDoctor);
        assertForbidden(platformAdmin, POST, "/api/staff", newStaff);
        // Only patients have a patient profile.
        for (WebTestClient notAPatient : List.of(tenant.admin(), staff, doctorClient, platformAdmin)) {
            assertForbidden(notAPatient, GET, "/api/patients/me", null);
            assertForbidden(notAPatient, PUT, "/api/patients/me", Map.of("medicalHistorySummary", "None"));
            assertForbidden(notAPatient, POST, "/api/patients/me/dependents", dependent);
            assertForbidden(notAPatient, DELETE, "/api/patients/me/dependents/" + UUID.randomUUID(), null);
        }

        WebTestClient anonymousOnAdminHost = anonymous(PLATFORM_ADMINS_HOST);
        WebTestClient anonymousOnTenantHost = anonymous(tenant.host());
        assertUnauthenticated(anonymousOnAdminHost, POST, "/api/tenants", newTenant);
        assertUnauthenticated(anonymousOnAdminHost, GET, "/api/tenants", null);
        assertUnauthenticated(anonymousOnAdminHost, POST, verification, verify);
        assertUnauthenticated(anonymousOnAdminHost, GET, "/api/doctors/verification-queue", null);
        assertUnauthenticated(anonymousOnTenantHost, POST, "/api/clinics", newClinic);
        assertUnauthenticated(anonymousOnTenantHost, POST, "/api/doctors", newDoctor);
        assertUnauthenticated(anonymousOnTenantHost, GET, profile, null);
        assertUnauthenticated(anonymousOnTenantHost, POST, "/api/staff", newStaff);
        assertUnauthenticated(anonymousOnTenantHost, GET, "/api/staff", null);
        assertUnauthenticated(anonymousOnTenantHost, GET, "/api/audit", null);
        WebTestClient anonymousOnPlatformHost = anonymous(PLATFORM_HOST);
        assertUnauthenticated(anonymousOnPlatformHost, GET, "/api/patients/me", null);
        assertUnauthenticated(anonymousOnPlatformHost, PUT, "/api/patients/me", Map.of("medicalHistorySummary", "None"));
        assertUnauthenticated(anonymousOnPlatformHost, POST, "/api/patients/me/dependents", dependent);
        assertUnauthenticated(anonymousOnPlatformHost, DELETE, "/api/patients/me/dependents/" + UUID.randomUUID(), null);
        // A token that does not verify is refused, never taken for an anonymous request.
        as(tenant.host(), "not-a-token").post().uri("/api/clinics").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(newClinic).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("invalid_token");

        assertThat(stored()).isEqualTo(before);
        assertThat(eventsOf(doctor.id(), DoctorVerified.class)).isZero();
        tenant.admin().get().uri(profile).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.verificationStatus").isEqualTo("pending");
    }

    // 3. Validation, one route at a time

    @Test
    void tenantRegistrationRefusesInvalidReservedAndUnknownFieldsAndStoresNothing() {
        WebTestClient platformAdmin = platformAdmin();
        Map<String, Object> valid = tenantBody(uniqueSlug(), uniqueEmail("admin"), PASSWORD);
        Map<String, Object> admin = nested(valid, "admin");
        StoredState before = stored();

        assertInvalid(platformAdmin, POST, "/api/tenants", without(valid, "slug"), "slug");
        assertInvalid(platformAdmin, POST, "/api/tenants", with(valid, "slug", "Not A Slug"), "slug");
        for (String reserved : List.of("platform", "admin", "www", "api")) {
            assertInvalid(platformAdmin, POST, "/api/tenants", with(valid, "slug", reserved), "slug");
        }
        assertInvalid(platformAdmin, POST, "/api/tenants", with(valid, "name", " "), "name");
        assertInvalid(platformAdmin, POST, "/api/tenants", without(valid, "admin"), "admin");
        assertInvalid(platformAdmin, POST, "/api/tenants", with(valid, "admin", with(admin, "email", "not-an-email")),
                "admin.email");
        assertInvalid(platformAdmin, POST, "/api/tenants", with(valid, "admin", with(admin, "password", "short")),
                "admin.password");
        assertInvalid(platformAdmin, POST, "/api/tenants", with(valid, "tenantId", "platform"), "tenantId");
        assertInvalid(platformAdmin, POST, "/api/tenants", with(valid, "admin", with(admin, "role", "admin")), "admin.role");
        assertMalformed(platformAdmin, POST, "/api/tenants");
        assertThat(stored()).isEqualTo(before);

        // The untouched body is accepted: each refusal above was about the field it named.
        platformAdmin.post().uri("/api/tenants").contentType(MediaType.APPLICATION_JSON).bodyValue(valid).exchange()
                .expectStatus().isCreated();
    }

    @Test
    void clinicRegistrationRefusesInvalidAndUnknownFieldsAndStoresNothing() {
        WebTestClient platformAdmin = platformAdmin();
        TenantFixture tenant = registerTenant(platformAdmin);
        TenantFixture otherTenant = registerTenant(platformAdmin);
        WebTestClient admin = tenant.admin();
        String clinicSlug = "main-" + shortId();
        Map<String, Object> valid = clinicBody(clinicSlug, phoneNumber(), uniqueEmail("desk"), "12 MG Road");
        Map<String, Object> address = nested(valid, "address");
        Map<String, Object> contact = nested(valid, "contact");
        StoredState before = stored();

        assertInvalid(admin, POST, "/api/clinics", without(valid, "name"), "name");
        assertInvalid(admin, POST, "/api/clinics", with(valid, "slug", "Main Clinic"), "slug");
        assertInvalid(admin, POST, "/api/clinics", without(valid, "timezone"), "timezone");
        assertInvalid(admin, POST, "/api/clinics", with(valid, "timezone", "Mars/Olympus_Mons"), "timezone");
        assertInvalid(admin, POST, "/api/clinics", without(valid, "address"), "address");
        assertInvalid(admin, POST, "/api/clinics", with(valid, "address", with(address, "country", "in")), "address.country");
        assertInvalid(admin, POST, "/api/clinics", with(valid, "address", without(address, "city")), "address.city");
        assertInvalid(admin, POST, "/api/clinics", with(valid, "contact", with(contact, "phone", "98123 45678")),
                "contact.phone");
        assertInvalid(admin, POST, "/api/clinics", with(valid, "contact", with(contact, "email", "front-desk")),
                "contact.email");
        assertInvalid(admin, POST, "/api/clinics",
                with(valid, "capacity", Map.of("maxAppointmentsPerDoctorPerDay", 0, "groupSessionSeats", 4)),
                "capacity.maxAppointmentsPerDoctorPerDay");
        assertInvalid(admin, POST, "/api/clinics",
                with(valid, "capacity", Map.of("maxAppointmentsPerDoctorPerDay", "40", "groupSessionSeats", 4)),
                "capacity.maxAppointmentsPerDoctorPerDay");
        assertInvalid(admin, POST, "/api/clinics", with(valid, "waitlistPolicy", Map.of("offerMinutes", 0,
                "urgencyWeight", 50, "waitingTimeWeight", 30, "flexibilityWeight", 20)), "waitlistPolicy.offerMinutes");
        assertInvalid(admin, POST, "/api/clinics", with(valid, "waitlistPolicy", Map.of("offerMinutes", 15,
                "urgencyWeight", 101, "waitingTimeWeight", 30, "flexibilityWeight", 20)), "waitlistPolicy.urgencyWeight");
        assertInvalid(admin, POST, "/api/clinics", with(valid, "tenantId", otherTenant.slug()), "tenantId");
        assertInvalid(admin, POST, "/api/clinics", with(valid, "address", with(address, "geo", "18.52,73.85")), "address.geo");
        assertMalformed(admin, POST, "/api/clinics");
        assertThat(stored()).isEqualTo(before);

        Map<String, Object> tuned = with(with(valid, "capacity", Map.of("maxAppointmentsPerDoctorPerDay", 12,
                        "groupSessionSeats", 6)), "waitlistPolicy",
                Map.of("offerMinutes", 30, "urgencyWeight", 60, "waitingTimeWeight", 25, "flexibilityWeight", 15));
        admin.post().uri("/api/clinics").contentType(MediaType.APPLICATION_JSON).bodyValue(tuned).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.data.tenantId").isEqualTo(tenant.slug())
                .jsonPath("$.data.capacity.maxAppointmentsPerDoctorPerDay").isEqualTo(12)
                .jsonPath("$.data.capacity.groupSessionSeats").isEqualTo(6)
                .jsonPath("$.data.waitlistPolicy.offerMinutes").isEqualTo(30)
                .jsonPath("$.data.waitlistPolicy.urgencyWeight").isEqualTo(60);
        // A slug the tenant already uses is a conflict, and stores nothing more.
        StoredState withClinic = stored();
        admin.post().uri("/api/clinics").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(clinicBody(clinicSlug, phoneNumber(), uniqueEmail("desk"), "9 Other Road")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("clinic_exists");
        assertThat(stored()).isEqualTo(withClinic);
    }

    @Test
    void clinicTimezoneMustBeAnIanaZoneRatherThanAFixedOffset() {
        TenantFixture tenant = registerTenant(platformAdmin());
        Map<String, Object> valid = clinicBody("main-" + shortId(), phoneNumber(), uniqueEmail("desk"), "12 MG Road");
        StoredState before = stored();

        // java.time accepts offsets, but an offset has no daylight-saving rules: a clinic's slots need its region.
        for (String offset : List.of("+05:30", "UTC+05:30")) {
            assertInvalid(tenant.admin(), POST, "/api/clinics", with(valid, "timezone", offset), "timezone");
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void doctorOnboardingRefusesInvalidUnknownAndForeignFieldsAndStoresNothing() {
        WebTestClient platformAdmin = platformAdmin();
        TenantFixture tenant = registerTenant(platformAdmin);
        TenantFixture otherTenant = registerTenant(platformAdmin);
        String clinicId = registerClinic(tenant);
        String otherTenantsClinicId = registerClinic(otherTenant);
        WebTestClient admin = tenant.admin();
        Map<String, Object> valid = doctorBody(uniqueEmail("doctor"), PASSWORD, registrationNumber(), List.of(clinicId));
        StoredState before = stored();

        assertInvalid(admin, POST, "/api/doctors", without(valid, "name"), "name");
        assertInvalid(admin, POST, "/api/doctors", without(valid, "email"), "email");
        assertInvalid(admin, POST, "/api/doctors", with(valid, "email", "dr-mehta"), "email");
        assertInvalid(admin, POST, "/api/doctors", with(valid, "password", "short"), "password");
        assertInvalid(admin, POST, "/api/doctors", without(valid, "registrationNumber"), "registrationNumber");
        assertInvalid(admin, POST, "/api/doctors", with(valid, "qualifications", List.of()), "qualifications");
        assertInvalid(admin, POST, "/api/doctors", with(valid, "languages", List.of("english")), startsWith("languages"));
        assertInvalid(admin, POST, "/api/doctors", with(valid, "fee", -1), "fee");
        assertInvalid(admin, POST, "/api/doctors", with(valid, "fee", "800"), "fee");
        assertInvalid(admin, POST, "/api/doctors", with(valid, "currency", "inr"), "currency");
        assertInvalid(admin, POST, "/api/doctors", with(valid, "modes", List.of()), "modes");
        assertInvalid(admin, POST, "/api/doctors", with(valid, "modes", List.of("surgery")), startsWith("modes"));
        assertInvalid(admin, POST, "/api/doctors", with(valid, "clinicIds", List.of()), "clinicIds");
        assertInvalid(admin, POST, "/api/doctors", with(valid, "clinicIds", List.of(otherTenantsClinicId)), "clinicIds");
        assertInvalid(admin, POST, "/api/doctors", with(valid, "clinicIds", List.of(clinicId, otherTenantsClinicId)),
                "clinicIds");
        assertInvalid(admin, POST, "/api/doctors", with(valid, "tenantId", otherTenant.slug()), "tenantId");
        assertInvalid(admin, POST, "/api/doctors", with(valid, "verificationStatus", "verified"), "verificationStatus");
        assertMalformed(admin, POST, "/api/doctors");
        assertThat(stored()).isEqualTo(before);

        admin.post().uri("/api/doctors").contentType(MediaType.APPLICATION_JSON).bodyValue(valid).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.data.verificationStatus").isEqualTo("pending");
    }

    @Test
    void staffOnboardingRefusesInvalidUnknownAndForeignFieldsAndStoresNothing() {
        WebTestClient platformAdmin = platformAdmin();
        TenantFixture tenant = registerTenant(platformAdmin);
        TenantFixture otherTenant = registerTenant(platformAdmin);
        String clinicId = registerClinic(tenant);
        String otherTenantsClinicId = registerClinic(otherTenant);
        WebTestClient admin = tenant.admin();
        Map<String, Object> valid = staffBody(uniqueEmail("staff"), clinicId);
        StoredState before = stored();

        assertInvalid(admin, POST, "/api/staff", without(valid, "name"), "name");
        assertInvalid(admin, POST, "/api/staff", with(valid, "email", "front-desk"), "email");
        assertInvalid(admin, POST, "/api/staff", with(valid, "password", "short"), "password");
        assertInvalid(admin, POST, "/api/staff", without(valid, "clinicId"), "clinicId");
        assertInvalid(admin, POST, "/api/staff", with(valid, "clinicId", otherTenantsClinicId), "clinicId");
        assertInvalid(admin, POST, "/api/staff", with(valid, "role", "admin"), "role");
        assertInvalid(admin, POST, "/api/staff", with(valid, "tenantId", otherTenant.slug()), "tenantId");
        assertMalformed(admin, POST, "/api/staff");
        assertThat(stored()).isEqualTo(before);

        admin.post().uri("/api/staff").contentType(MediaType.APPLICATION_JSON).bodyValue(valid).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.data.role").isEqualTo("staff")
                .jsonPath("$.data.clinicId").isEqualTo(clinicId)
                .jsonPath("$.data.passwordHash").doesNotExist();
    }

    @Test
    void patientRegistrationRefusesInvalidAndUnknownFieldsAndStoresNothing() {
        WebTestClient anonymous = anonymous(PLATFORM_HOST);
        Map<String, Object> valid = new LinkedHashMap<>(Map.of("name", "Asha Rao", "email", uniqueEmail("patient"),
                "password", PASSWORD, "phone", phoneNumber()));
        StoredState before = stored();

        assertInvalid(anonymous, POST, "/api/auth/register", without(valid, "name"), "name");
        assertInvalid(anonymous, POST, "/api/auth/register", with(valid, "email", "asha"), "email");
        assertInvalid(anonymous, POST, "/api/auth/register", with(valid, "password", "short"), "password");
        assertInvalid(anonymous, POST, "/api/auth/register", with(valid, "phone", "98123"), "phone");
        assertInvalid(anonymous, POST, "/api/auth/register", with(valid, "role", "admin"), "role");
        assertInvalid(anonymous, POST, "/api/auth/register", with(valid, "tenantId", "platform"), "tenantId");
        assertMalformed(anonymous, POST, "/api/auth/register");
        assertThat(stored()).isEqualTo(before);

        anonymous.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON).bodyValue(valid).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.data.accessToken").isNotEmpty()
                .jsonPath("$.data.user.role").isEqualTo("patient");
    }

    @Test
    void patientProfileAndDependentChangesRefuseInvalidAndUnknownFieldsAndChangeNothing() {
        MemberFixture patient = registerPatient();
        WebTestClient me = patient.client();
        me.get().uri("/api/patients/me").exchange().expectStatus().isOk();
        Document profileBefore = patientProfile(patient.id());
        StoredState before = stored();
        Map<String, Object> english = Map.of("channels", List.of("sms"), "language", "en");

        assertInvalid(me, PUT, "/api/patients/me", Map.of("medicalHistorySummary", "Diabetic",
                "notificationPreferences", Map.of("channels", List.of("fax"), "language", "en")),
                startsWith("notificationPreferences.channels"));
        assertInvalid(me, PUT, "/api/patients/me", Map.of("notificationPreferences",
                Map.of("channels", List.of(), "language", "en")), "notificationPreferences.channels");
        assertInvalid(me, PUT, "/api/patients/me", Map.of("medicalHistorySummary", "Diabetic",
                "notificationPreferences", Map.of("channels", List.of("sms"), "language", "fr")),
                "notificationPreferences.language");
        assertInvalid(me, PUT, "/api/patients/me", Map.of("medicalHistorySummary", "x".repeat(2001)),
                "medicalHistorySummary");
        assertInvalid(me, PUT, "/api/patients/me", Map.of("notificationPreferences", english,
                "dependents", List.of()), "dependents");
        assertInvalid(me, PUT, "/api/patients/me", Map.of("medicalHistorySummary", "Diabetic", "tenantId", "apollo"),
                "tenantId");
        assertMalformed(me, PUT, "/api/patients/me");

        Map<String, Object> dependent = new LinkedHashMap<>(Map.of("name", "Riya", "relationship", "child",
                "dateOfBirth", "2019-04-01"));
        assertInvalid(me, POST, "/api/patients/me/dependents", without(dependent, "name"), "name");
        assertInvalid(me, POST, "/api/patients/me/dependents", with(dependent, "relationship", "cousin"), "relationship");
        assertInvalid(me, POST, "/api/patients/me/dependents", without(dependent, "dateOfBirth"), "dateOfBirth");
        assertInvalid(me, POST, "/api/patients/me/dependents",
                with(dependent, "dateOfBirth", LocalDate.now().plusDays(2).toString()), "dateOfBirth");
        assertInvalid(me, POST, "/api/patients/me/dependents", with(dependent, "dateOfBirth", "01/04/2019"), "dateOfBirth");
        assertInvalid(me, POST, "/api/patients/me/dependents", with(dependent, "id", "chosen-id"), "id");
        assertMalformed(me, POST, "/api/patients/me/dependents");

        assertThat(patientProfile(patient.id())).isEqualTo(profileBefore);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void verificationDecisionsRefuseInvalidAndUnknownFieldsAndVerifyNobody() {
        WebTestClient platformAdmin = platformAdmin();
        TenantFixture tenant = registerTenant(platformAdmin);
        DoctorFixture doctor = onboardDoctor(tenant, registerClinic(tenant));
        String uri = "/api/doctors/" + doctor.id() + "/verification";
        StoredState before = stored();

        assertInvalid(platformAdmin, POST, uri, Map.of("note", "Looks fine"), "decision");
        assertInvalid(platformAdmin, POST, uri, Map.of("decision", "maybe"), "decision");
        assertInvalid(platformAdmin, POST, uri, Map.of("decision", "VERIFIED"), "decision");
        assertInvalid(platformAdmin, POST, uri, Map.of("decision", "verified", "note", "x".repeat(501)), "note");
        assertInvalid(platformAdmin, POST, uri, Map.of("decision", "rejected", "status", "verified"), "status");
        assertInvalid(platformAdmin, POST, uri, Map.of("decision", "rejected", "verificationStatus", "verified"),
                "verificationStatus");
        assertMalformed(platformAdmin, POST, uri);

        assertThat(stored()).isEqualTo(before);
        assertThat(eventsOf(doctor.id(), DoctorVerified.class)).isZero();
        tenant.admin().get().uri("/api/doctors/{id}/profile", doctor.id()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.verificationStatus").isEqualTo("pending")
                .jsonPath("$.data.reviewStatus").isEqualTo("awaiting_review");
        platformAdmin.post().uri("/api/doctors/{id}/verification", UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("decision", "verified")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("doctor_not_found");
    }

    // 4. Events

    @Test
    void identityEventsCarryNoCredentialsContactDetailsOrRegistrationNumbers() {
        WebTestClient platformAdmin = platformAdmin();
        String slug = uniqueSlug();
        String adminEmail = uniqueEmail("admin");
        String adminPassword = "pw-" + UUID.randomUUID();
        platformAdmin.post().uri("/api/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(tenantBody(slug, adminEmail, adminPassword)).exchange()
                .expectStatus().isCreated();
        WebTestClient tenantAdmin = signIn(slug + ".localhost", adminEmail, adminPassword).client();
        String clinicPhone = phoneNumber();
        String clinicEmail = uniqueEmail("desk");
        String addressLine = shortId() + " Residency Road";
        String clinicId = read(tenantAdmin.post().uri("/api/clinics").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(clinicBody("main-" + shortId(), clinicPhone, clinicEmail, addressLine)).exchange()
                .expectStatus().isCreated()
                .expectBody().returnResult(), "$.data.id");
        String doctorEmail = uniqueEmail("doctor");
        String doctorPassword = "pw-" + UUID.randomUUID();
        String registrationNumber = registrationNumber();
        String doctorId = read(tenantAdmin.post().uri("/api/doctors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(doctorBody(doctorEmail, doctorPassword, registrationNumber, List.of(clinicId))).exchange()
                .expectStatus().isCreated()
                .expectBody().returnResult(), "$.data.id");

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT aggregate_identifier, payload_type, "
                + "convert_from(payload, 'UTF8') AS payload FROM domain_event_entry WHERE aggregate_identifier IN (?, ?, ?)",
                slug, clinicId, doctorId);

        assertThat(rows).extracting(row -> row.get("payload_type")).containsExactlyInAnyOrder(
                TenantRegistered.class.getName(), ClinicRegistered.class.getName(), DoctorOnboarded.class.getName());
        Map<String, String> payloads = new LinkedHashMap<>();
        rows.forEach(row -> payloads.put((String) row.get("payload_type"), (String) row.get("payload")));
        // The public facts are there, so these are the right rows and readable as text.
        assertThat(payloads.get(TenantRegistered.class.getName())).contains(slug);
        assertThat(payloads.get(ClinicRegistered.class.getName())).contains(clinicId, "Asia/Kolkata", "Pune");
        assertThat(payloads.get(DoctorOnboarded.class.getName())).contains(doctorId, "Dr Meera Mehta", clinicId);
        payloads.forEach((type, payload) -> assertThat(payload).as(type).doesNotContain(
                adminEmail, adminPassword, doctorEmail, doctorPassword, registrationNumber,
                clinicPhone, clinicPhone.substring(1), clinicEmail, addressLine, "411001"));
    }

    // 5. Patients

    @Test
    void patientsKeepAPrivateProfileWithAtMostTenDependents() {
        MemberFixture patient = registerPatient();
        MemberFixture otherPatient = registerPatient();
        WebTestClient me = patient.client();

        me.get().uri("/api/patients/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.id").isEqualTo(patient.id())
                .jsonPath("$.data.medicalHistorySummary").doesNotExist()
                .jsonPath("$.data.primaryClinicId").doesNotExist()
                .jsonPath("$.data.dependents").isEmpty()
                .jsonPath("$.data.notificationPreferences.channels").isEqualTo(List.of("email", "sms"))
                .jsonPath("$.data.notificationPreferences.language").isEqualTo("en");

        me.put().uri("/api/patients/me").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("medicalHistorySummary", "Asthma since childhood", "notificationPreferences",
                        Map.of("channels", List.of("whatsapp", "email", "whatsapp"), "language", "hi"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.medicalHistorySummary").isEqualTo("Asthma since childhood")
                .jsonPath("$.data.notificationPreferences.channels").isEqualTo(List.of("whatsapp", "email"))
                .jsonPath("$.data.notificationPreferences.language").isEqualTo("hi");
        assertInvalid(me, PUT, "/api/patients/me", Map.of("primaryClinicId", "clinic-" + shortId()), "primaryClinicId");
        // A field left out keeps its value.
        String clinicId = registerClinic(registerTenant(platformAdmin()));
        me.put().uri("/api/patients/me").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("primaryClinicId", clinicId)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.primaryClinicId").isEqualTo(clinicId)
                .jsonPath("$.data.medicalHistorySummary").isEqualTo("Asthma since childhood")
                .jsonPath("$.data.notificationPreferences.language").isEqualTo("hi");

        String childId = read(me.post().uri("/api/patients/me/dependents").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Riya", "relationship", "child", "dateOfBirth", "2019-04-01")).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.data.name").isEqualTo("Riya")
                .jsonPath("$.data.relationship").isEqualTo("child")
                .jsonPath("$.data.dateOfBirth").isEqualTo("2019-04-01")
                .returnResult(), "$.data.id");
        me.get().uri("/api/patients/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.dependents.length()").isEqualTo(1)
                .jsonPath("$.data.dependents[0].id").isEqualTo(childId)
                .jsonPath("$.data.dependents[0].dateOfBirth").isEqualTo("2019-04-01");

        // Another patient sees only their own, still empty, profile and cannot touch the first one's.
        otherPatient.client().get().uri("/api/patients/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.id").isEqualTo(otherPatient.id())
                .jsonPath("$.data.dependents").isEmpty()
                .jsonPath("$.data.medicalHistorySummary").doesNotExist()
                .jsonPath("$.data.primaryClinicId").doesNotExist()
                .jsonPath("$.data.notificationPreferences.language").isEqualTo("en");
        otherPatient.client().delete().uri("/api/patients/me/dependents/{id}", childId).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("dependent_not_found");
        me.get().uri("/api/patients/me").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.dependents[0].id").isEqualTo(childId);

        for (int i = 2; i <= 10; i++) {
            me.post().uri("/api/patients/me/dependents").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "Relative " + i, "relationship", "other", "dateOfBirth", "1960-01-0" + (i % 9 + 1)))
                    .exchange()
                    .expectStatus().isCreated();
        }
        me.post().uri("/api/patients/me/dependents").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "One too many", "relationship", "sibling", "dateOfBirth", "1990-05-05")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.code").isEqualTo("too_many_dependents");
        me.get().uri("/api/patients/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.dependents.length()").isEqualTo(10)
                .jsonPath("$.data.dependents[?(@.name == 'One too many')]").doesNotExist();

        me.delete().uri("/api/patients/me/dependents/{id}", childId).exchange().expectStatus().isOk();
        me.get().uri("/api/patients/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.dependents.length()").isEqualTo(9)
                .jsonPath("$.data.dependents[?(@.id == '" + childId + "')]").doesNotExist();
        me.delete().uri("/api/patients/me/dependents/{id}", childId).exchange().expectStatus().isNotFound();
    }

    @Test
    void aProfileUpdateThatLeavesEveryFieldOutChangesNothing() {
        MemberFixture patient = registerPatient();
        WebTestClient me = patient.client();
        me.put().uri("/api/patients/me").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("medicalHistorySummary", "Asthma since childhood")).exchange()
                .expectStatus().isOk();
        Document before = patientProfile(patient.id());

        // Fields left out keep their value, also when that is all of them.
        me.put().uri("/api/patients/me").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.id").isEqualTo(patient.id())
                .jsonPath("$.data.medicalHistorySummary").isEqualTo("Asthma since childhood")
                .jsonPath("$.data.notificationPreferences.language").isEqualTo("en");
        assertThat(patientProfile(patient.id())).isEqualTo(before);
    }

    // 6. Audit

    @Test
    void aStaffMembersReadOfAppointmentsIsAuditedForTheirOwnTenantsAdminsOnly() {
        WebTestClient platformAdmin = platformAdmin();
        TenantFixture tenant = registerTenant(platformAdmin);
        TenantFixture otherTenant = registerTenant(platformAdmin);
        MemberFixture staff = addStaff(tenant, registerClinic(tenant));

        staff.client().get().uri("/api/appointments").exchange().expectStatus().isOk();

        tenant.admin().get().uri("/api/audit?actorId={id}", staff.id()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].tenantId").isEqualTo(tenant.slug())
                .jsonPath("$.data[0].actorId").isEqualTo(staff.id())
                .jsonPath("$.data[0].actorRole").isEqualTo("staff")
                .jsonPath("$.data[0].action").isEqualTo("read")
                .jsonPath("$.data[0].resource").isEqualTo("appointment")
                .jsonPath("$.data[0].method").isEqualTo("GET")
                .jsonPath("$.data[0].path").isEqualTo("/api/appointments")
                .jsonPath("$.data[0].sourceAddress").isNotEmpty()
                .jsonPath("$.data[0].at").isNotEmpty();
        tenant.admin().get().uri("/api/audit").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data[?(@.actorId == '" + staff.id() + "')]").exists();

        otherTenant.admin().get().uri("/api/audit?actorId={id}", staff.id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data").isEmpty();
        otherTenant.admin().get().uri("/api/audit").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data[?(@.actorId == '" + staff.id() + "')]").doesNotExist();
    }

    // Tenant isolation of the identity routes

    @Test
    void eachTenantSeesOnlyItsOwnClinicsMembersAndDoctorsAndSignsInOnlyOnItsOwnHost() {
        String rootEmail = openPlatformAdmin();
        WebTestClient platformAdmin = signIn(PLATFORM_ADMINS_HOST, rootEmail, PASSWORD).client();
        TenantFixture tenant = registerTenant(platformAdmin);
        TenantFixture otherTenant = registerTenant(platformAdmin);
        String clinicSlug = "main-" + shortId();
        String clinicId = registerClinic(tenant, clinicSlug);
        // Clinic slugs are unique within a tenant, not across tenants.
        String otherClinicId = registerClinic(otherTenant, clinicSlug);
        DoctorFixture doctor = onboardDoctor(tenant, clinicId);
        MemberFixture staff = addStaff(tenant, clinicId);

        anonymous(tenant.host()).get().uri("/api/clinics").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data[?(@.id == '" + clinicId + "')]").exists()
                .jsonPath("$.data[?(@.id == '" + otherClinicId + "')]").doesNotExist()
                .jsonPath("$.data[?(@.tenantId != '" + tenant.slug() + "')]").doesNotExist();
        anonymous(tenant.host()).get().uri("/api/clinics/{id}", otherClinicId).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("clinic_not_found");
        anonymous(otherTenant.host()).get().uri("/api/clinics/{id}", otherClinicId).exchange().expectStatus().isOk();
        anonymous(PLATFORM_HOST).get().uri("/api/clinics/{id}", otherClinicId).exchange().expectStatus().isOk();

        tenant.admin().get().uri("/api/staff").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data[?(@.email == '" + tenant.adminEmail() + "' && @.role == 'admin')]").exists()
                .jsonPath("$.data[?(@.id == '" + doctor.id() + "' && @.role == 'doctor')]").exists()
                .jsonPath("$.data[?(@.id == '" + staff.id() + "' && @.role == 'staff')]").exists()
                .jsonPath("$.data[?(@.email == '" + otherTenant.adminEmail() + "')]").doesNotExist()
                .jsonPath("$.data[*].passwordHash").doesNotExist()
                .jsonPath("$.data[*].loginEmail").doesNotExist();
        tenant.admin().get().uri("/api/staff").exchange()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("argon2", "passwordHash"));
        otherTenant.admin().get().uri("/api/staff").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data[?(@.id == '" + doctor.id() + "')]").doesNotExist()
                .jsonPath("$.data[?(@.id == '" + staff.id() + "')]").doesNotExist();
        otherTenant.admin().get().uri("/api/doctors/{id}/profile", doctor.id()).exchange()
                .expectStatus().isNotFound();
        staff.client().get().uri("/api/doctors/{id}/profile", doctor.id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.registrationNumber").isEqualTo(doctor.registrationNumber());

        // Tenant accounts work only through their own tenant's host.
        as(otherTenant.host(), tenant.adminToken()).get().uri("/api/staff").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.code").isEqualTo("wrong_tenant");
        as(PLATFORM_ADMINS_HOST, tenant.adminToken()).get().uri("/api/tenants").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.code").isEqualTo("wrong_tenant");
        assertSignInRefused(otherTenant.host(), tenant.adminEmail(), PASSWORD);
        assertSignInRefused(PLATFORM_HOST, tenant.adminEmail(), PASSWORD);
        assertSignInRefused(otherTenant.host(), doctor.email(), PASSWORD);
        assertSignInRefused(PLATFORM_HOST, rootEmail, PASSWORD);
        assertSignInRefused(tenant.host(), rootEmail, PASSWORD);

        // A slug is taken once, and the second attempt opens no admin account.
        StoredState before = stored();
        platformAdmin.post().uri("/api/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(tenantBody(tenant.slug(), uniqueEmail("admin"), PASSWORD)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("tenant_exists");
        assertThat(stored()).isEqualTo(before);
    }

    // Fixtures

    private String openPlatformAdmin() {
        String email = "root-" + UUID.randomUUID() + "@illajwala.test";
        accounts.open(new UserAccounts.NewAccount(null, Caller.PLATFORM_TENANT, Role.ADMIN, "Root", email, null, PASSWORD,
                null)).block(Duration.ofSeconds(30));
        return email;
    }

    private WebTestClient platformAdmin() {
        return signIn(PLATFORM_ADMINS_HOST, openPlatformAdmin(), PASSWORD).client();
    }

    private TenantFixture registerTenant(WebTestClient platformAdmin) {
        String slug = uniqueSlug();
        String email = uniqueEmail("admin");
        platformAdmin.post().uri("/api/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(tenantBody(slug, email, PASSWORD)).exchange()
                .expectStatus().isCreated();
        MemberFixture admin = signIn(slug + ".localhost", email, PASSWORD);
        return new TenantFixture(slug, email, admin.token(), admin.client());
    }

    private String registerClinic(TenantFixture tenant) {
        return registerClinic(tenant, "main-" + shortId());
    }

    private String registerClinic(TenantFixture tenant, String slug) {
        return read(tenant.admin().post().uri("/api/clinics").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(clinicBody(slug, phoneNumber(), uniqueEmail("desk"), "12 MG Road")).exchange()
                .expectStatus().isCreated()
                .expectBody().returnResult(), "$.data.id");
    }

    private DoctorFixture onboardDoctor(TenantFixture tenant, String clinicId) {
        String email = uniqueEmail("doctor");
        String registrationNumber = registrationNumber();
        String id = read(tenant.admin().post().uri("/api/doctors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(doctorBody(email, PASSWORD, registrationNumber, List.of(clinicId))).exchange()
                .expectStatus().isCreated()
                .expectBody().returnResult(), "$.data.id");
        return new DoctorFixture(id, email, registrationNumber);
    }

    private MemberFixture addStaff(TenantFixture tenant, String clinicId) {
        String email = uniqueEmail("staff");
        tenant.admin().post().uri("/api/staff").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(staffBody(email, clinicId)).exchange()
                .expectStatus().isCreated();
        return signIn(tenant.host(), email, PASSWORD);
    }

    private MemberFixture registerPatient() {
        String email = uniqueEmail("patient");
        EntityExchangeResult<byte[]> registered = anonymous(PLATFORM_HOST).post().uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Asha Rao", "email", email, "password", PASSWORD)).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.data.user.role").isEqualTo("patient")
                .returnResult();
        String token = read(registered, "$.data.accessToken");
        return new MemberFixture(read(registered, "$.data.user.id"), email, token, as(PLATFORM_HOST, token));
    }

    private MemberFixture signIn(String host, String email, String password) {
        EntityExchangeResult<byte[]> session = anonymous(host).post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
        String token = read(session, "$.data.accessToken");
        return new MemberFixture(read(session, "$.data.user.id"), email, token, as(host, token));
    }

    private void assertSignInRefused(String host, String email, String password) {
        anonymous(host).post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("invalid_credentials");
    }

    private WebTestClient as(String host, String token) {
        return http.mutate()
                .defaultHeader(HttpHeaders.HOST, host)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build();
    }

    private WebTestClient anonymous(String host) {
        return http.mutate().defaultHeader(HttpHeaders.HOST, host).build();
    }

    // Request bodies

    private static Map<String, Object> tenantBody(String slug, String adminEmail, String adminPassword) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("name", "Clinic group " + slug);
        body.put("admin", Map.of("name", "Anita Admin", "email", adminEmail, "password", adminPassword));
        return body;
    }

    private static Map<String, Object> clinicBody(String slug, String phone, String email, String addressLine) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Clinic " + slug);
        body.put("slug", slug);
        body.put("timezone", "Asia/Kolkata");
        body.put("address", Map.of("line1", addressLine, "city", "Pune", "postalCode", "411001", "country", "IN"));
        body.put("contact", Map.of("phone", phone, "email", email));
        return body;
    }

    private static Map<String, Object> doctorBody(String email, String password, String registrationNumber,
                                                  List<String> clinicIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Dr Meera Mehta");
        body.put("email", email);
        body.put("password", password);
        body.put("specialization", "Cardiology");
        body.put("qualifications", List.of("MBBS", "MD Cardiology"));
        body.put("registrationNumber", registrationNumber);
        body.put("languages", List.of("en", "hi"));
        body.put("fee", 800);
        body.put("currency", "INR");
        body.put("modes", List.of("clinic", "telehealth"));
        body.put("clinicIds", clinicIds);
        return body;
    }

    private static Map<String, Object> staffBody(String email, String clinicId) {
        return new LinkedHashMap<>(Map.of("name", "Sunil Desk", "email", email, "password", PASSWORD,
                "clinicId", clinicId));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.remove(field);
        return changed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> body, String field) {
        return (Map<String, Object>) body.get(field);
    }

    // Assertions

    private static WebTestClient.ResponseSpec send(WebTestClient caller, HttpMethod method, String uri, Object body) {
        WebTestClient.RequestBodySpec request = caller.method(method).uri(uri);
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static void assertInvalid(WebTestClient caller, HttpMethod method, String uri, Object body, String field) {
        assertInvalid(caller, method, uri, body, equalTo(field));
    }

    private static void assertInvalid(WebTestClient caller, HttpMethod method, String uri, Object body,
                                      Matcher<? super String> field) {
        send(caller, method, uri, body)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("validation_failed")
                .jsonPath("$.error.details[*].field").value(hasItem(field));
    }

    private static void assertMalformed(WebTestClient caller, HttpMethod method, String uri) {
        assertFailure(caller.method(method).uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue("{ this is not json")
                .exchange(), 400, "malformed_json");
    }

    private static void assertForbidden(WebTestClient caller, HttpMethod method, String uri, Object body) {
        assertFailure(send(caller, method, uri, body), 403, "forbidden");
    }

    private static void assertUnauthenticated(WebTestClient caller, HttpMethod method, String uri, Object body) {
        assertFailure(send(caller, method, uri, body), 401, "unauthenticated");
    }

    private static void assertFailure(WebTestClient.ResponseSpec response, int status, String code) {
        response.expectStatus().isEqualTo(status)
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo(code);
    }

    // Stores

    private StoredState stored() {
        return new StoredState(count("tenants"), count("clinics"), count("doctor_profiles"), count("users"),
                count("patient_profiles"), jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE 'com.illajwala.events.identity.%'",
                Long.class));
    }

    private long count(String collection) {
        return mongo.count(new Query(), collection).block(Duration.ofSeconds(10));
    }

    private long eventsOf(String aggregateId, Class<?> eventType) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                Long.class, aggregateId, eventType.getName());
    }

    private Document projectedDoctor(String doctorId) {
        return mongo.findById(doctorId, Document.class, "doctors").block(Duration.ofSeconds(10));
    }

    private Document patientProfile(String patientId) {
        return mongo.findById(patientId, Document.class, "patient_profiles").block(Duration.ofSeconds(10));
    }

    private static String read(EntityExchangeResult<byte[]> result, String path) {
        Object value = JsonPath.read(new String(result.getResponseBody(), StandardCharsets.UTF_8), path);
        return String.valueOf(value);
    }

    // Unique names, so tests sharing servers never meet

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String uniqueSlug() {
        return "t" + shortId();
    }

    private static String uniqueEmail(String role) {
        return role + "-" + UUID.randomUUID() + "@illajwala.test";
    }

    private static String registrationNumber() {
        return "MCI-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    private static String phoneNumber() {
        return String.format("+9198%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
