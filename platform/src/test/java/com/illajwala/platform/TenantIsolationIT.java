package com.illajwala.platform;

import com.illajwala.booking.doctor.BookableDoctors;
import com.illajwala.booking.slot.SlotCommands.PublishSlot;
import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.events.ConsultationMode;
import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.identity.clinic.ClinicDocument;
import com.illajwala.identity.clinic.Clinics;
import com.illajwala.identity.doctor.DoctorProfileDocument;
import com.illajwala.identity.doctor.Doctors;
import com.illajwala.identity.tenant.TenantDocument;
import com.illajwala.identity.tenant.Tenants;
import com.illajwala.identity.user.UserAccounts;
import com.illajwala.identity.user.UserAccounts.NewAccount;
import com.illajwala.identity.user.UserDocument;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tenant-isolation matrix: for every id-bearing route and stream, another tenant's doctor,
 * staff member and admin, and another patient, get 403 or 404 and not one byte of the data they
 * asked for; the rightful party, asking the same, gets it (so each row can fail).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {

    private static final String PASSWORD = "isolation-password";

    @Autowired
    WebTestClient client;
    @Autowired
    AccessTokens tokens;
    @Autowired
    Tenants tenants;
    @Autowired
    Clinics clinics;
    @Autowired
    Doctors doctors;
    @Autowired
    UserAccounts accounts;
    @Autowired
    BookableDoctors bookable;
    @Autowired
    CommandDispatcher commands;
    @Autowired
    ReactiveMongoTemplate mongo;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String tenantA = "iso-a-" + suffix;
    private final String tenantB = "iso-b-" + suffix;
    private final String hostA = tenantA + ".localhost";
    private final String hostB = tenantB + ".localhost";

    private Caller adminA;
    private Caller staffA;
    private Caller doctorA;
    private Caller adminB;
    private Caller staffB;
    private Caller doctorB;
    private Caller patient;
    private Caller otherPatient;
    private String clinicA;
    private String slotA;
    private String appointment;
    private String dependentId;
    private String waitlistEntry;
    private java.time.LocalDate appointmentDay;
    /** What belongs to tenant A and its patient; no answer to anyone else may contain any of it. */
    private final List<String> secrets = new ArrayList<>();

    @BeforeAll
    void twoTenantsAndABooking() {
        clinicA = "clinic-" + tenantA;
        adminA = admin(tenantA);
        adminB = admin(tenantB);
        clinics.register(clinic(tenantA, clinicA)).block();
        clinics.register(clinic(tenantB, "clinic-" + tenantB)).block();
        staffA = open(tenantA, Role.STAFF, clinicA);
        staffB = open(tenantB, Role.STAFF, "clinic-" + tenantB);
        doctorA = verifiedDoctor(tenantA, clinicA);
        doctorB = verifiedDoctor(tenantB, "clinic-" + tenantB);
        patient = open(Caller.PLATFORM_TENANT, Role.PATIENT, null);
        otherPatient = open(Caller.PLATFORM_TENANT, Role.PATIENT, null);

        Instant start = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        PublishSlot slot = PublishSlot.of(tenantA, doctorA.userId(), clinicA, start, start.plus(Duration.ofMinutes(30)),
                "Asia/Kolkata", 2, Set.of(ConsultationMode.CLINIC));
        commands.send(slot).block(Duration.ofSeconds(10));
        slotA = slot.slotId();
        appointmentDay = start.atZone(java.time.ZoneId.of("Asia/Kolkata")).toLocalDate();
        appointment = JsonPath.read(body(as(patient, hostA).post().uri("/api/appointments")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("slotId", slotA))
                .exchange().expectStatus().isCreated()), "$.data.appointmentId");
        dependentId = JsonPath.read(body(as(patient, "localhost").post().uri("/api/patients/me/dependents")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Mira Secret-" + suffix, "relationship", "child", "dateOfBirth", "2019-04-01"))
                .exchange().expectStatus().isCreated()), "$.data.id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(staffA, hostA).get()
                .uri("/api/appointments/{id}", appointment).exchange().expectStatus().isOk());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/api/doctors/{id}", doctorA.userId())
                .header(HttpHeaders.HOST, hostA).exchange().expectStatus().isOk());
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata"));
        Map<String, Object> waiting = Map.of("clinicId", clinicA, "doctorId", doctorA.userId(), "from", today.toString(),
                "to", today.plusDays(3).toString());
        waitlistEntry = JsonPath.read(body(as(patient, "localhost").post().uri("/api/waitlist")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(waiting).exchange().expectStatus().isCreated()),
                "$.data.entryId");
        body(as(adminA, hostA).mutate().responseTimeout(Duration.ofSeconds(30)).build().put()
                .uri("/api/doctors/{id}/availability", doctorA.userId()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(availability()).exchange().expectStatus().isOk());
        secrets.addAll(List.of(appointment, patient.userId(), dependentId, waitlistEntry, "Secret-" + suffix,
                "REG-" + doctorA.userId(), "hello@" + tenantA + ".test", staffA.email(), adminA.email()));
    }

    @Test
    void theRightfulPartiesSeeTheirData() {
        assertThat(body(as(patient, "localhost").get().uri("/api/appointments/{id}", appointment).exchange()
                .expectStatus().isOk())).contains(appointment);
        assertThat(body(as(staffA, hostA).get().uri("/api/appointments").exchange().expectStatus().isOk()))
                .contains(appointment);
        assertThat(body(as(doctorA, hostA).get().uri("/api/appointments/{id}", appointment).exchange()
                .expectStatus().isOk())).contains(appointment);
        assertThat(body(as(adminA, hostA).get().uri("/api/doctors/{id}/profile", doctorA.userId()).exchange()
                .expectStatus().isOk())).contains("REG-" + doctorA.userId());
        assertThat(body(as(patient, "localhost").get().uri("/api/patients/me").exchange().expectStatus().isOk()))
                .contains(dependentId);
        assertThat(body(as(adminA, hostA).get().uri("/api/staff").exchange().expectStatus().isOk()))
                .contains(staffA.email());
        assertThat(body(client.get().uri("/api/clinics/{id}", clinicA).header(HttpHeaders.HOST, hostA).exchange()
                .expectStatus().isOk())).contains("hello@" + tenantA + ".test");
        assertThat(body(client.get().uri("/api/doctors/{id}/slots", doctorA.userId()).header(HttpHeaders.HOST, hostA)
                .exchange().expectStatus().isOk())).contains(slotA);
        assertThat(body(as(staffA, hostA).get().uri("/api/waitlist").exchange().expectStatus().isOk())).contains(waitlistEntry);
        assertThat(body(as(patient, "localhost").get().uri("/api/waitlist/mine").exchange().expectStatus().isOk()))
                .contains(waitlistEntry);
        assertThat(body(as(doctorA, hostA).get().uri("/api/doctors/{id}/schedule?date={day}", doctorA.userId(),
                appointmentDay).exchange().expectStatus().isOk())).contains(appointment);
        assertThat(body(as(patient, "localhost").get().uri("/api/fhir/Appointment/{id}", appointment).exchange()
                .expectStatus().isOk())).contains(appointment);
        assertThat(body(as(staffA, hostA).get().uri("/api/fhir/Appointment/{id}", appointment).exchange()
                .expectStatus().isOk())).contains(appointment);
        assertThat(body(client.get().uri("/api/fhir/Slot/{id}", slotA).header(HttpHeaders.HOST, hostA).exchange()
                .expectStatus().isOk())).contains(slotA);
        assertThat(body(as(staffA, hostA).get().uri("/api/doctors/{id}/availability?clinicId={c}", doctorA.userId(), clinicA)
                .exchange().expectStatus().isOk())).contains(clinicA);
        assertThat(body(as(doctorA, hostA).post().uri("/api/doctors/{id}/availability/preview", doctorA.userId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(availability()).exchange().expectStatus().isOk()))
                .contains("\"slots\"");
    }

    /** Mondays 09:00–10:00 at clinic A, a week ahead. */
    private Map<String, Object> availability() {
        return Map.of("clinicId", clinicA, "minimumNoticeMinutes", 0, "maximumAdvanceDays", 7, "weekly",
                Map.of("MONDAY", List.of(Map.of("start", "09:00", "end", "10:00", "slotMinutes", 30, "bufferMinutes", 0,
                        "capacity", 1, "modes", List.of("clinic")))));

    }

    @Test
    void aTenantsSchedulingFeedsHoldOnlyItsOwn() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(body(client.get().uri("/api/smart/Slot.ndjson").header(HttpHeaders.HOST, hostA).exchange()
                    .expectStatus().isOk())).contains(slotA);
            assertThat(body(client.get().uri("/api/smart/Location.ndjson").header(HttpHeaders.HOST, hostA).exchange()
                    .expectStatus().isOk())).contains(clinicA);
            assertThat(body(client.get().uri("/api/smart/Schedule.ndjson").header(HttpHeaders.HOST, hostA).exchange()
                    .expectStatus().isOk())).contains("Practitioner/" + doctorA.userId());
        });
        String scheduleA = JsonPath.read(body(client.get().uri("/api/fhir/Slot/{id}", slotA).header(HttpHeaders.HOST, hostA)
                .exchange().expectStatus().isOk()), "$.schedule.reference");
        List<String> tenantAs = List.of(slotA, clinicA, doctorA.userId(), scheduleA);
        for (String path : List.of("/api/smart/$bulk-publish", "/api/smart/Location.ndjson", "/api/smart/Schedule.ndjson",
                "/api/smart/Slot.ndjson", "/api/fhir/Slot?schedule=" + scheduleA)) {
            for (Caller anyone : List.of(adminB, patient)) {
                EntityExchangeResult<byte[]> result = as(anyone, hostB).get().uri(path).exchange().expectBody().returnResult();
                assertThat(result.getStatus().value()).as(describe(result)).isEqualTo(200);
                String feed = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
                assertThat(feed).as(describe(result))
                        .doesNotContain(path.contains("?schedule=") ? List.of(slotA, clinicA) : tenantAs);
            }
        }
    }

    @Test
    void anotherTenantsPeopleGetNothingOfTenantA() {
        for (Caller intruder : List.of(adminB, staffB, doctorB)) {
            refused(as(intruder, hostB).get().uri("/api/appointments/{id}", appointment));
            clean(as(intruder, hostB).get().uri("/api/appointments"));
            refused(as(intruder, hostB).get().uri("/api/doctors/{id}/profile", doctorA.userId()));
            refused(as(intruder, hostB).get().uri("/api/doctors/{id}/slots", doctorA.userId()));
            refused(as(intruder, hostB).get().uri("/api/doctors/{id}", doctorA.userId()));
            refused(as(intruder, hostB).get().uri("/api/clinics/{id}", clinicA));
            clean(as(intruder, hostB).get().uri("/api/clinics"));
            clean(as(intruder, hostB).get().uri("/api/doctors"));
            refused(as(intruder, hostB).get().uri("/api/stream/schedule?doctorId={id}", doctorA.userId())
                    .accept(MediaType.TEXT_EVENT_STREAM));
            refused(as(intruder, hostB).post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("slotId", slotA)));
            for (String step : List.of("check-in", "start", "complete", "no-show")) {
                refused(as(intruder, hostB).post().uri("/api/appointments/{id}/{step}", appointment, step));
            }
            refused(as(intruder, hostB).get().uri("/api/doctors/{id}/schedule?date={day}", doctorA.userId(), appointmentDay));
            refused(as(intruder, hostB).get().uri("/api/fhir/Appointment/{id}", appointment));
            refused(as(intruder, hostB).get().uri("/api/fhir/Slot/{id}", slotA));
            refused(as(intruder, hostB).get().uri("/api/doctors/{id}/availability?clinicId={c}", doctorA.userId(), clinicA));
            refused(as(intruder, hostB).post().uri("/api/doctors/{id}/availability/preview", doctorA.userId())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(availability()));
            clean(as(intruder, hostB).get().uri("/api/doctors?clinicId={id}", clinicA));
            clean(as(intruder, hostB).get().uri("/api/waitlist"));
            refused(as(intruder, hostB).delete().uri("/api/waitlist/{id}", waitlistEntry));
            refused(as(intruder, hostB).put().uri("/api/waitlist/{id}/urgency", waitlistEntry)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("urgent", true)));
            refused(as(intruder, hostB).get().uri("/api/stream/appointments").accept(MediaType.TEXT_EVENT_STREAM));
            refused(as(intruder, hostB).post().uri("/api/appointments/{id}/cancel", appointment)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "other")));
            refused(as(intruder, hostB).post().uri("/api/doctors/{id}/verification", doctorA.userId())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decision", "rejected")));
            // through tenant A's own host, their token is refused outright
            for (String path : List.of("/api/appointments", "/api/appointments/" + appointment, "/api/fhir/Appointment/" + appointment,
                    "/api/doctors/" + doctorA.userId() + "/profile", "/api/staff", "/api/audit")) {
                refused(as(intruder, hostA).get().uri(path));
            }
        }
        clean(as(adminB, hostB).get().uri("/api/staff"));
        clean(as(adminB, hostB).get().uri("/api/audit"));
    }

    @Test
    void anotherTenantsAdminCannotAttachTenantAsClinics() {
        long before = countOfUsersNamed("Borrowed Clinic " + suffix);
        badRequest(as(adminB, hostB).post().uri("/api/staff").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Borrowed Clinic " + suffix, "email", "b-" + suffix + "@b.test",
                        "password", PASSWORD, "clinicId", clinicA)), "clinicId");
        badRequest(as(adminB, hostB).post().uri("/api/doctors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.ofEntries(Map.entry("name", "Borrowed Clinic " + suffix),
                        Map.entry("email", "d-" + suffix + "@b.test"), Map.entry("password", PASSWORD),
                        Map.entry("specialization", "cardiology"), Map.entry("qualifications", List.of("MBBS")),
                        Map.entry("registrationNumber", "X-1"), Map.entry("languages", List.of("en")),
                        Map.entry("fee", 100), Map.entry("currency", "INR"), Map.entry("modes", List.of("clinic")),
                        Map.entry("clinicIds", List.of(clinicA)))), "clinicIds");
        assertThat(countOfUsersNamed("Borrowed Clinic " + suffix)).isEqualTo(before);
    }

    @Test
    void anotherPatientGetsNothingOfThePatient() {
        for (String host : List.of("localhost", hostA)) {
            refused(as(otherPatient, host).get().uri("/api/appointments/{id}", appointment));
            refused(as(otherPatient, host).get().uri("/api/fhir/Appointment/{id}", appointment));
            clean(as(otherPatient, host).get().uri("/api/appointments"));
            clean(as(otherPatient, host).get().uri("/api/patients/me"));
            refused(as(otherPatient, host).delete().uri("/api/patients/me/dependents/{id}", dependentId));
            refused(as(otherPatient, host).get().uri("/api/doctors/{id}/profile", doctorA.userId()));
            refused(as(otherPatient, host).get().uri("/api/stream/schedule?doctorId={id}", doctorA.userId())
                    .accept(MediaType.TEXT_EVENT_STREAM));
            refused(as(otherPatient, host).post().uri("/api/appointments/{id}/cancel", appointment)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "other")));
            refused(as(otherPatient, host).post().uri("/api/appointments/{id}/check-in", appointment));
            clean(as(otherPatient, host).get().uri("/api/waitlist/mine"));
            refused(as(otherPatient, host).delete().uri("/api/waitlist/{id}", waitlistEntry));
            refused(as(otherPatient, host).post().uri("/api/waitlist/{id}/accept", waitlistEntry));
            refused(as(otherPatient, host).post().uri("/api/waitlist/{id}/decline", waitlistEntry));
            refused(as(otherPatient, host).get().uri("/api/doctors/{id}/schedule", doctorA.userId()));
            refused(as(otherPatient, host).get().uri("/api/doctors/{id}/availability?clinicId={c}", doctorA.userId(), clinicA));
            refused(as(otherPatient, host).post().uri("/api/doctors/{id}/availability/preview", doctorA.userId())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(availability()));
            refused(as(otherPatient, host).get().uri("/api/staff"));
            refused(as(otherPatient, host).get().uri("/api/audit"));
        }
        assertThat(body(as(patient, "localhost").get().uri("/api/patients/me").exchange().expectStatus().isOk()))
                .contains(dependentId);
        assertThat(body(as(patient, "localhost").get().uri("/api/appointments/{id}", appointment).exchange()
                .expectStatus().isOk())).contains("confirmed");
    }

    @Test
    void aStreamTicketIsBoundToItsHoldersTenant() {
        String ticket = JsonPath.read(body(as(staffB, hostB).post().uri("/api/stream/tickets").exchange()
                .expectStatus().isCreated()), "$.data.ticket");
        refused(client.get().uri("/api/stream/schedule?doctorId={id}&ticket={ticket}", doctorA.userId(), ticket)
                .header(HttpHeaders.HOST, hostA).accept(MediaType.TEXT_EVENT_STREAM));
    }

    @Test
    void bodiesCannotNameAnotherTenantRoleOrStatus() {
        for (Map.Entry<String, String> field : Map.of("tenantId", tenantB, "role", "admin", "status", "completed",
                "patientId", otherPatient.userId()).entrySet()) {
            badRequest(as(patient, hostA).post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("slotId", slotA, field.getKey(), field.getValue())), field.getKey());
            badRequest(as(adminA, hostA).post().uri("/api/staff").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "X", "email", "x-" + suffix + "@a.test", "password", PASSWORD,
                            "clinicId", clinicA, field.getKey(), field.getValue())), field.getKey());
        }
        badRequest(as(patient, "localhost").put().uri("/api/patients/me").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenantB)), "tenantId");
    }

    /** 403 or 404, and nothing of tenant A or its patient in the answer. */
    private void refused(WebTestClient.RequestHeadersSpec<?> request) {
        EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();
        assertThat(result.getStatus().value()).as(describe(result)).isIn(403, 404);
        assertNoSecrets(result);
    }

    /** Answered, but with nothing of tenant A or its patient. */
    private void clean(WebTestClient.RequestHeadersSpec<?> request) {
        EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();
        assertThat(result.getStatus().value()).as(describe(result)).isEqualTo(200);
        assertNoSecrets(result);
    }

    private void badRequest(WebTestClient.RequestHeadersSpec<?> request, String field) {
        request.exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[?(@.field == '" + field + "')]").exists();
    }

    private void assertNoSecrets(EntityExchangeResult<byte[]> result) {
        String body = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        // an id the intruder sent may be echoed back ("No appointment with id …"): that tells them nothing
        List<String> notTheirs = secrets.stream().filter(secret -> !result.getUrl().toString().contains(secret)).toList();
        assertThat(body).as(describe(result)).doesNotContain(notTheirs);
    }

    private static String describe(EntityExchangeResult<?> result) {
        return result.getMethod() + " " + result.getUrl() + " as " + result.getRequestHeaders().getFirst(HttpHeaders.HOST);
    }

    private String body(WebTestClient.ResponseSpec response) {
        return new String(response.expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
    }

    private WebTestClient as(Caller caller, String host) {
        return client.mutate()
                .defaultHeader(HttpHeaders.HOST, host)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(caller))
                .build();
    }

    private Caller admin(String tenantId) {
        NewAccount admin = account(tenantId, Role.ADMIN, null);
        tenants.register(new TenantDocument(tenantId, "Tenant " + tenantId, Instant.now()), admin).block();
        return new Caller(admin.id() == null ? userIdOf(admin.email()) : admin.id(), admin.email(), Role.ADMIN, tenantId, null);
    }

    private String userIdOf(String email) {
        return mongo.findOne(Query.query(Criteria.where("email").is(email)), UserDocument.class, UserDocument.COLLECTION)
                .map(UserDocument::id).block();
    }

    private Caller open(String tenantId, Role role, String clinicId) {
        return accounts.open(account(tenantId, role, clinicId)).map(UserDocument::toCaller).block();
    }

    private NewAccount account(String tenantId, Role role, String clinicId) {
        String name = role.code() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new NewAccount(null, tenantId, role, name, name + "@" + tenantId + ".test", null, PASSWORD, clinicId);
    }

    private Caller verifiedDoctor(String tenantId, String clinicId) {
        String doctorId = "dr-" + UUID.randomUUID();
        DoctorProfileDocument profile = new DoctorProfileDocument(doctorId, tenantId, "Dr " + tenantId, "cardiology",
                List.of("MBBS"), "REG-" + doctorId, List.of("en"), BigDecimal.valueOf(700), "INR",
                Set.of(ConsultationMode.CLINIC), List.of(clinicId), DoctorProfileDocument.PENDING, "awaiting_review", null,
                Instant.now());
        doctors.onboard(profile, new Doctors.Credentials(doctorId + "@" + tenantId + ".test", PASSWORD))
                .then(doctors.decide(doctorId, true, null)).block(Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(30)).until(() -> bookable.isBookable(doctorId));
        return new Caller(doctorId, doctorId + "@" + tenantId + ".test", Role.DOCTOR, tenantId, clinicId);
    }

    private static ClinicDocument clinic(String tenantId, String clinicId) {
        return new ClinicDocument(clinicId, tenantId, "Clinic of " + tenantId, clinicId, "Asia/Kolkata",
                new ClinicDocument.Address("1 Road", null, "Bengaluru", null, "560001", "IN"),
                new ClinicDocument.Contact("+918000000000", "hello@" + tenantId + ".test"),
                ClinicDocument.CapacitySettings.defaults(), com.illajwala.events.identity.WaitlistPolicy.defaults(), ClinicDocument.BookingPolicy.defaults(), Instant.now());
    }

    private long countOfUsersNamed(String name) {
        return mongo.count(Query.query(Criteria.where("name").is(name)), UserDocument.COLLECTION).block();
    }
}
