package com.illajwala.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.illajwala.booking.BookingFixtures;
import com.illajwala.booking.doctor.BookingDirectory;
import com.illajwala.events.ConsultationMode;
import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import com.jayway.jsonpath.JsonPath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SMART Scheduling Links and the FHIR reads over the whole pipeline: clinics, doctors and slots made
 * through the real routes and commands, their events through Kafka into the read models, the feeds
 * checked line by line against JSON Schemas of the specification's required fields
 * ({@code src/test/resources/smart}), {@code _since} deltas, and the FHIR Slot and Appointment routes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmartSchedulingIT {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final Duration READ_SIDE_LAG = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://illajwala.com/test/smart/", "classpath:smart/")));
    private static final SchemaValidatorsConfig ASSERT_FORMATS = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final String DEEP_LINK = "http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link";
    private static final String CAPACITY = "http://fhir-registry.smarthealthit.org/StructureDefinition/slot-capacity";

    @Autowired
    WebTestClient platform;
    /** The platform, patient with a machine busy with other builds: the first commands can take seconds. */
    private WebTestClient client;
    @Autowired
    ApplicationContext context;
    @Autowired
    AccessTokens tokens;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String tenant = "smart-" + suffix;
    private final String host = tenant + ".localhost";
    private final String otherTenant = "smart-other-" + suffix;
    private final String otherHost = otherTenant + ".localhost";
    private final String doctor = "dr-smart-" + UUID.randomUUID();
    private final String groupDoctor = "dr-group-" + UUID.randomUUID();
    private final String otherDoctor = "dr-other-" + UUID.randomUUID();
    private final Caller patient = TestCallers.patient("patient-" + UUID.randomUUID());
    private final Caller otherPatient = TestCallers.patient("patient-" + UUID.randomUUID());
    private final Caller admin = new Caller("admin-" + suffix, "admin@" + tenant + ".test", Role.ADMIN, tenant, null);
    private final Caller otherAdmin = new Caller("admin-other-" + suffix, "admin@" + otherTenant + ".test", Role.ADMIN,
            otherTenant, null);
    private final LocalDate day = LocalDate.now(KOLKATA).plusDays(3);
    private final String reason = "chest pain since " + suffix;
    private String clinic;
    private String otherClinic;
    private String freeSlot;
    private String bookedSlot;
    private String groupSlot;
    private String otherSlot;
    private String appointment;

    @BeforeAll
    void twoTenantsWithClinicsDoctorsAndSlots() {
        client = platform.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        clinic = registerClinic(admin, host, "Smart Clinic " + suffix);
        otherClinic = registerClinic(otherAdmin, otherHost, "Other Clinic " + suffix);
        BookingFixtures fixtures = new BookingFixtures(context);
        BookingDirectory directory = context.getBean(BookingDirectory.class);
        await().atMost(READ_SIDE_LAG).until(() -> directory.clinic(clinic).isPresent() && directory.clinic(otherClinic).isPresent());
        fixtures.verifiedDoctorAt(tenant, doctor, clinic);
        fixtures.verifiedDoctorAt(tenant, groupDoctor, clinic);
        fixtures.verifiedDoctorAt(otherTenant, otherDoctor, otherClinic);
        Set<ConsultationMode> inClinic = Set.of(ConsultationMode.CLINIC);
        freeSlot = fixtures.slotAt(tenant, doctor, clinic, at(10), 1, inClinic).slotId();
        bookedSlot = fixtures.slotAt(tenant, doctor, clinic, at(11), 1, inClinic).slotId();
        groupSlot = fixtures.slotAt(tenant, groupDoctor, clinic, at(10), 3, inClinic).slotId();
        otherSlot = fixtures.slotAt(otherTenant, otherDoctor, otherClinic, at(10), 1, inClinic).slotId();
        appointment = book(patient, bookedSlot);

        await().atMost(READ_SIDE_LAG).untilAsserted(() -> {
            assertThat(ids(file("Location", ""))).containsExactly(clinic);
            assertThat(ids(file("Schedule", ""))).hasSize(2);
            assertThat(statuses(file("Slot", ""))).containsEntry(freeSlot, "free").containsEntry(bookedSlot, "busy")
                    .containsEntry(groupSlot, "free").hasSize(3);
        });
    }

    @Test
    @Order(1)
    void theManifestAndEveryFileHoldTheSpecificationsRequiredFields() {
        JsonNode manifest = manifest(host, "");
        assertThat(manifest.path("request").asText()).startsWith("http://" + host).endsWith("/api/smart/$bulk-publish");
        assertThat(manifest.path("output").findValuesAsText("type")).containsExactly("Location", "Schedule", "Slot");
        Map<String, List<JsonNode>> files = new HashMap<>();
        for (JsonNode output : manifest.path("output")) {
            URI url = URI.create(output.path("url").asText());
            assertThat(url.getHost()).isEqualTo(host);
            files.put(output.path("type").asText(), ndjson(output.path("type").asText(), url.getRawPath()));
        }

        JsonNode location = files.get("Location").get(0);
        assertThat(files.get("Location")).hasSize(1);
        assertThat(location.path("name").asText()).isEqualTo("Smart Clinic " + suffix);
        assertThat(location.path("telecom").get(0).path("value").asText()).isEqualTo("+918012345678");
        assertThat(texts(location.path("address").path("line"))).containsExactly("12 MG Road", "Floor 2");
        assertThat(location.path("address").path("state").asText()).isEqualTo("Karnataka");

        // every reference resolves within the tenant's own files
        List<JsonNode> schedules = files.get("Schedule");
        assertThat(schedules).allSatisfy(schedule -> assertThat(schedule.path("actor").get(0).path("reference").asText())
                .isEqualTo("Location/" + clinic));
        assertThat(schedules.stream().map(schedule -> schedule.path("actor").get(1).path("reference").asText()))
                .containsExactlyInAnyOrder("Practitioner/" + doctor, "Practitioner/" + groupDoctor);
        Set<String> scheduleReferences = schedules.stream().map(schedule -> "Schedule/" + schedule.path("id").asText())
                .collect(Collectors.toSet());
        assertThat(files.get("Slot")).allSatisfy(slot ->
                assertThat(scheduleReferences).contains(slot.path("schedule").path("reference").asText()));

        JsonNode free = byId(files.get("Slot"), freeSlot);
        assertThat(extension(free, DEEP_LINK).path("valueUrl").asText())
                .isEqualTo("http://localhost:8080/doctors/" + doctor + "?slot=" + freeSlot);
        assertThat(extension(free, CAPACITY).isMissingNode()).isTrue();
        assertThat(byId(files.get("Slot"), bookedSlot).has("extension")).isFalse();
        assertThat(extension(byId(files.get("Slot"), groupSlot), CAPACITY).path("valueInteger").asInt()).isEqualTo(3);
        assertThat(free.path("start").asText()).isEqualTo(at(10).toString());

        for (List<JsonNode> lines : files.values()) {
            assertThat(lines.toString()).doesNotContain(otherClinic, otherDoctor, otherSlot, "Other Clinic");
        }
    }

    @Test
    @Order(1)
    void fhirSlotsAreReadOneAtATimeOrSearchedBySchedule() {
        JsonNode slot = fhir(host, "/api/fhir/Slot/" + groupSlot);
        assertThat(slot.path("resourceType").asText()).isEqualTo("Slot");
        assertThat(slot.path("status").asText()).isEqualTo("free");
        assertThat(fhir(host, "/api/fhir/Slot/" + bookedSlot).path("status").asText()).isEqualTo("busy");
        assertThat(fhir("localhost", "/api/fhir/Slot/" + groupSlot).path("id").asText()).isEqualTo(groupSlot);
        notFound(otherHost, "/api/fhir/Slot/" + groupSlot);
        notFound(host, "/api/fhir/Slot/no-such-slot");

        String schedule = fhir(host, "/api/fhir/Slot/" + freeSlot).path("schedule").path("reference").asText();
        String range = "&start=ge" + day + "&start=lt" + day.plusDays(1);
        JsonNode bundle = fhir(host, "/api/fhir/Slot?schedule=" + schedule + range);
        assertThat(bundle.path("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.path("type").asText()).isEqualTo("searchset");
        assertThat(bundle.path("total").asInt()).isEqualTo(2);
        assertThat(bundle.path("entry").findValuesAsText("id")).containsExactly(freeSlot, bookedSlot);
        assertThat(bundle.path("entry").get(0).path("fullUrl").asText()).endsWith("/api/fhir/Slot/" + freeSlot);
        assertThat(fhir(host, "/api/fhir/Slot?status=free&schedule=" + schedule.substring("Schedule/".length()) + range)
                .path("entry").findValuesAsText("id")).containsExactly(freeSlot);
        assertThat(fhir(host, "/api/fhir/Slot?schedule=" + schedule + "&start=ge" + day.plusDays(1)).path("total").asInt())
                .isZero();
        assertThat(fhir(otherHost, "/api/fhir/Slot?schedule=" + schedule + range).path("total").asInt()).isZero();
    }

    @Test
    @Order(1)
    void badParametersAreRefusedWithTheParameterNamed() {
        String schedule = "Schedule/" + UUID.randomUUID();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("/api/fhir/Slot", "schedule");
        bad.put("/api/fhir/Slot?schedule=Schedule/" + "x".repeat(65), "schedule");
        bad.put("/api/fhir/Slot?schedule=" + schedule + "&start=tomorrow", "start");
        bad.put("/api/fhir/Slot?schedule=" + schedule + "&start=ge2026-13-01", "start");
        bad.put("/api/fhir/Slot?schedule=" + schedule + "&start=ge" + day + "&start=gt" + day, "start");
        bad.put("/api/fhir/Slot?schedule=" + schedule + "&start=ge" + day + "&start=lt" + day.minusDays(1), "start");
        bad.put("/api/fhir/Slot?schedule=" + schedule + "&start=ge" + day + "&start=lt" + day.plusDays(100), "start");
        bad.put("/api/fhir/Slot?schedule=" + schedule + "&start=ge0000-06-01&start=lt0000-06-02", "start");
        bad.put("/api/fhir/Slot?schedule=" + schedule + "&status=maybe", "status");
        bad.put("/api/smart/$bulk-publish?_since=yesterday", "_since");
        bad.put("/api/smart/Slot.ndjson?_since=2026-02-30", "_since");
        for (Map.Entry<String, String> request : bad.entrySet()) {
            EntityExchangeResult<byte[]> result = client.get().uri(request.getKey()).header(HttpHeaders.HOST, host)
                    .exchange().expectBody().returnResult();
            JsonNode outcome = outcome(result, 400);
            assertThat(outcome.path("issue").get(0).path("code").asText()).as(request.getKey()).isEqualTo("invalid");
            assertThat(texts(outcome.path("issue").get(0).path("expression"))).as(request.getKey())
                    .containsExactly(request.getValue());
        }
        // the feeds are each tenant's: the platform's own host has none
        assertThat(outcome(client.get().uri("/api/smart/$bulk-publish").header(HttpHeaders.HOST, "localhost").exchange()
                .expectBody().returnResult(), 404).path("issue").get(0).path("code").asText()).isEqualTo("not-found");
    }

    @Test
    @Order(2)
    void sinceGivesOnlyWhatChangedAfterIt() {
        Instant since = Instant.now();
        JsonNode manifest = manifest(host, "?_since=" + since);
        for (JsonNode output : manifest.path("output")) {
            assertThat(output.path("url").asText()).endsWith(".ndjson?_since=" + since);
        }
        for (String type : List.of("Location", "Schedule", "Slot")) {
            assertThat(file(type, "?_since=" + since)).as(type).isEmpty();
        }

        book(patient, freeSlot);

        await().atMost(READ_SIDE_LAG).untilAsserted(() -> assertThat(statuses(file("Slot", "?_since=" + since)))
                .containsExactly(Map.entry(freeSlot, "busy")));
        assertThat(file("Location", "?_since=" + since)).isEmpty();
        assertThat(file("Schedule", "?_since=" + since)).isEmpty();
        Instant changed = Instant.parse(file("Slot", "?_since=" + since).get(0).path("meta").path("lastUpdated").asText());
        assertThat(changed).isAfter(since);
        assertThat(file("Slot", "?_since=" + changed)).isEmpty();
        // the whole feed still has every slot
        assertThat(statuses(file("Slot", ""))).containsEntry(freeSlot, "busy").hasSize(3);
    }

    @Test
    @Order(3)
    void fhirAppointmentsMapOurStatusesAndShowNothingMedical() {
        WebTestClient clinicDesk = as(admin, host);
        JsonNode booked = awaitAppointment(patient, "localhost", appointment, "booked");
        assertThat(booked.path("resourceType").asText()).isEqualTo("Appointment");
        assertThat(booked.path("slot").get(0).path("reference").asText()).isEqualTo("Slot/" + bookedSlot);
        assertThat(booked.path("participant").findValuesAsText("reference")).containsExactly("Patient/" + patient.userId(),
                "Practitioner/" + doctor, "Location/" + clinic);
        assertThat(booked.toString()).doesNotContain(reason);

        step(clinicDesk, appointment, "check-in");
        awaitAppointment(patient, host, appointment, "checked-in");
        step(clinicDesk, appointment, "start");
        await().atMost(READ_SIDE_LAG).untilAsserted(() -> assertThat(JsonPath.<String>read(body(clinicDesk.get()
                .uri("/api/appointments/{id}", appointment).exchange().expectStatus().isOk()), "$.data.status"))
                .isEqualTo("in_consultation"));
        assertThat(fhir(as(patient, host), "/api/fhir/Appointment/" + appointment).path("status").asText()).isEqualTo("checked-in");
        step(clinicDesk, appointment, "complete");
        awaitAppointment(patient, host, appointment, "fulfilled");

        String cancelled = book(patient, groupSlot);
        as(patient, host).post().uri("/api/appointments/{id}/cancel", cancelled).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "patient_request")).exchange().expectStatus().isOk();
        awaitAppointment(patient, host, cancelled, "cancelled");

        BookingFixtures fixtures = new BookingFixtures(context);
        String started = fixtures.slotAt(tenant, doctor, clinic, Instant.now().minus(Duration.ofMinutes(5))
                .truncatedTo(ChronoUnit.SECONDS), 1, Set.of(ConsultationMode.CLINIC)).slotId();
        String missed = book(patient, started);
        step(clinicDesk, missed, "no-show");
        awaitAppointment(patient, host, missed, "noshow");
    }

    @Test
    @Order(4)
    void appointmentsAreReadOnlyByThoseWhoMaySeeThem() {
        String path = "/api/fhir/Appointment/" + appointment;
        assertThat(fhir(as(admin, host), path).path("id").asText()).isEqualTo(appointment);
        assertThat(fhir(as(TestCallers.doctor(doctor, tenant), host), path).path("id").asText()).isEqualTo(appointment);
        assertThat(fhir(as(patient, host), path).path("id").asText()).isEqualTo(appointment);

        for (Map.Entry<WebTestClient, Integer> refused : List.of(
                Map.entry(as(otherPatient, "localhost"), 404),
                Map.entry(as(otherPatient, host), 404),
                Map.entry(as(otherAdmin, otherHost), 404),
                Map.entry(as(TestCallers.doctor(groupDoctor, tenant), host), 404),
                Map.entry(as(patient, otherHost), 404),
                Map.entry(as(new Caller("platform-" + suffix, "admin@illajwala.test", Role.ADMIN, Caller.PLATFORM_TENANT, null),
                        "admin.localhost"), 403),
                Map.entry(client.mutate().defaultHeader(HttpHeaders.HOST, host).build(), 401))) {
            EntityExchangeResult<byte[]> result = refused.getKey().get().uri(path).exchange().expectBody().returnResult();
            assertThat(outcome(result, refused.getValue()).toString()).doesNotContain(patient.userId(), bookedSlot);
        }
        // another tenant's people are turned away at the host before any route
        as(otherAdmin, host).get().uri(path).exchange().expectStatus().isForbidden();
        outcome(as(patient, host).get().uri("/api/fhir/Appointment/no-such-appointment").exchange().expectBody()
                .returnResult(), 404);
    }

    private String registerClinic(Caller tenantAdmin, String tenantHost, String name) {
        Map<String, Object> clinic = Map.of("name", name, "slug", "clinic-" + UUID.randomUUID().toString().substring(0, 8),
                "timezone", KOLKATA.getId(),
                "address", Map.of("line1", "12 MG Road", "line2", "Floor 2", "city", "Bengaluru", "state", "Karnataka",
                        "postalCode", "560001", "country", "IN"),
                "contact", Map.of("phone", "+918012345678", "email", "desk@" + tenantHost));
        return JsonPath.read(body(as(tenantAdmin, tenantHost).post().uri("/api/clinics").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(clinic).exchange().expectStatus().isCreated()), "$.data.id");
    }

    private String book(Caller who, String slotId) {
        return JsonPath.read(body(as(who, host).post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId, "mode", "clinic", "reason", reason)).exchange().expectStatus().isCreated()),
                "$.data.appointmentId");
    }

    private void step(WebTestClient clinicDesk, String appointmentId, String step) {
        clinicDesk.post().uri("/api/appointments/{id}/{step}", appointmentId, step).exchange().expectStatus().isOk();
    }

    private JsonNode awaitAppointment(Caller who, String through, String appointmentId, String fhirStatus) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(READ_SIDE_LAG).untilAsserted(() -> {
            found.set(fhir(as(who, through), "/api/fhir/Appointment/" + appointmentId));
            assertThat(found.get().path("status").asText()).isEqualTo(fhirStatus);
        });
        return found.get();
    }

    private JsonNode manifest(String tenantHost, String query) {
        JsonNode manifest = parse(body(client.get().uri("/api/smart/$bulk-publish" + query).header(HttpHeaders.HOST, tenantHost)
                .exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)));
        assertValid("manifest", manifest);
        return manifest;
    }

    private List<JsonNode> file(String type, String query) {
        return ndjson(type, "/api/smart/" + type + ".ndjson" + query);
    }

    /** A file's lines, each checked against the schema of its type. */
    private List<JsonNode> ndjson(String type, String pathAndQuery) {
        String text = body(client.get().uri(pathAndQuery).header(HttpHeaders.HOST, host).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/fhir+ndjson"));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode resource = parse(line);
            assertThat(resource.path("resourceType").asText()).isEqualTo(type);
            assertValid(type, resource);
            lines.add(resource);
        }
        return lines;
    }

    private JsonNode fhir(String tenantHost, String path) {
        return fhir(client.mutate().defaultHeader(HttpHeaders.HOST, tenantHost).build(), path);
    }

    private JsonNode fhir(WebTestClient caller, String path) {
        return parse(body(caller.get().uri(path).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/fhir+json")));
    }

    private void notFound(String tenantHost, String path) {
        outcome(client.get().uri(path).header(HttpHeaders.HOST, tenantHost).exchange().expectBody().returnResult(), 404);
    }

    /** The answer is this status with an OperationOutcome. */
    private static JsonNode outcome(EntityExchangeResult<byte[]> result, int status) {
        String body = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(result.getStatus().value()).as(result.getUrl() + " " + body).isEqualTo(status);
        assertThat(result.getResponseHeaders().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.parseMediaType("application/fhir+json")));
        JsonNode outcome = parse(body);
        assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
        return outcome;
    }

    private static void assertValid(String schemaName, JsonNode document) {
        JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of("https://illajwala.com/test/smart/" + schemaName + ".schema.json"),
                ASSERT_FORMATS);
        assertThat(schema.validate(document)).as(schemaName + ": " + document).isEmpty();
    }

    private static List<String> ids(List<JsonNode> resources) {
        return resources.stream().map(resource -> resource.path("id").asText()).toList();
    }

    private static Map<String, String> statuses(List<JsonNode> slots) {
        return slots.stream().collect(Collectors.toMap(slot -> slot.path("id").asText(), slot -> slot.path("status").asText()));
    }

    private static JsonNode byId(List<JsonNode> resources, String id) {
        return resources.stream().filter(resource -> id.equals(resource.path("id").asText())).findFirst().orElseThrow();
    }

    private static JsonNode extension(JsonNode resource, String url) {
        for (JsonNode extension : resource.path("extension")) {
            if (url.equals(extension.path("url").asText())) {
                return extension;
            }
        }
        return MissingNode.getInstance();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private Instant at(int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(KOLKATA).toInstant();
    }

    private WebTestClient as(Caller caller, String through) {
        return client.mutate().defaultHeader(HttpHeaders.HOST, through)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(caller)).build();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String body(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectBody().returnResult().getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
