package com.illajwala.booking;

import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.Topic;
import com.illajwala.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import com.illajwala.identity.auth.AccessTokens;
import com.jayway.jsonpath.JsonPath;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BookingIT {

    private static final String SEAT_BOOKED = "com.illajwala.slot.seat-booked.v1";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ReactiveStringRedisTemplate redis;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    WebTestClient anonymous;
    @Autowired
    AccessTokens tokens;
    WebTestClient client;

    @BeforeEach
    void signInAsAPatient() {
        client = as(patient("patient-1"));
    }

    @Test
    void exactlyOneOf200ConcurrentBookingsOfASingleSeatSlotWins() {
        String slotId = publishSlot(1);
        ConnectionProvider connections = ConnectionProvider.builder("race").maxConnections(200)
                .pendingAcquireMaxCount(-1).build();
        WebClient http = WebClient.builder()
                .baseUrl("http://localhost:" + port)
                .clientConnector(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                        HttpClient.create(connections)))
                .build();

        List<Integer> statuses = Flux.range(0, 200)
                .flatMap(i -> http.post().uri("/api/appointments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(patient("patient-" + i)))
                        .bodyValue(Map.of("slotId", slotId))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 200)
                .collectList()
                .block(Duration.ofMinutes(2));
        connections.dispose();

        Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 199L));
        assertThat(eventsInStore(slotId, "com.illajwala.events.slot.SlotSeatBooked")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> seatBookedRecordsOnKafka(slotId) >= 1);
        assertThat(seatBookedRecordsOnKafka(slotId)).isEqualTo(1);
    }

    @Test
    void bookingReturnsTheConfirmedAppointment() {
        String slotId = publishSlot(1);

        client.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId, "mode", "telehealth"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.data.slotId").isEqualTo(slotId)
                .jsonPath("$.data.patientId").isEqualTo("patient-1")
                .jsonPath("$.data.status").isEqualTo("confirmed")
                .jsonPath("$.data.mode").isEqualTo("telehealth")
                .jsonPath("$.data.appointmentId").isNotEmpty();
    }

    @Test
    void aPatientBooksForTheirOwnDependentsOnly() {
        String patientId = "guardian-" + UUID.randomUUID();
        WebTestClient guardian = as(patient(patientId));
        String dependentId = JsonPath.read(body(guardian.post().uri("/api/patients/me/dependents")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Meera", "relationship", "child", "dateOfBirth", "2019-04-02"))
                .exchange().expectStatus().isCreated()), "$.data.id");
        String slotId = publishSlot(2);

        String appointmentId = JsonPath.read(body(guardian.post().uri("/api/appointments")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("slotId", slotId, "dependentId", dependentId))
                .exchange().expectStatus().isCreated()), "$.data.appointmentId");
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND payload_type = ?", String.class, appointmentId,
                AppointmentBooked.class.getName()))
                .contains("\"dependentId\":\"" + dependentId + "\"").contains("\"patientId\":\"" + patientId + "\"");
        step(guardian, appointmentId, "cancel", Map.of("reason", "other")).expectStatus().isOk();

        long before = totalEvents();
        for (WebTestClient stranger : List.of(client, as(patient("patient-" + UUID.randomUUID())))) {
            stranger.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("slotId", slotId, "dependentId", dependentId))
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.error.details[0].field").isEqualTo("dependentId");
        }
        guardian.delete().uri("/api/patients/me/dependents/{id}", dependentId).exchange().expectStatus().isOk();
        guardian.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId, "dependentId", dependentId))
                .exchange().expectStatus().isBadRequest();
        assertThat(totalEvents()).isEqualTo(before);
    }

    @Test
    void theReasonGivenIsReadOnlyByThePatientAndTheClinicAndNeverEntersAnEvent() {
        String doctorId = "doctor-" + UUID.randomUUID();
        String slotId = new BookingFixtures(context).slotOfNewDoctor("apollo", doctorId,
                Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES), 1,
                BookingFixtures.IN_CLINIC_OR_TELEHEALTH).slotId();
        String reason = "Chest pain when climbing stairs " + UUID.randomUUID();
        client.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId, "reason", "x".repeat(501)))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("reason");
        String appointmentId = JsonPath.read(body(client.post().uri("/api/appointments")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("slotId", slotId, "reason", reason))
                .exchange().expectStatus().isCreated()), "$.data.appointmentId");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE position(convert_to(?, 'UTF8') in payload) > 0",
                Long.class, reason)).isZero();
        client.get().uri("/api/appointments/{id}/reason", appointmentId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.reason").isEqualTo(reason);
        WebTestClient staff = as(new Caller("staff-" + UUID.randomUUID(), "desk@apollo.test", Role.STAFF, "apollo", "clinic-1"))
                .mutate().defaultHeader(HttpHeaders.HOST, "apollo.localhost").build();
        staff.get().uri("/api/appointments/{id}/reason", appointmentId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.reason").isEqualTo(reason);
        as(new Caller(doctorId, "doctor@apollo.test", Role.DOCTOR, "apollo", null))
                .mutate().defaultHeader(HttpHeaders.HOST, "apollo.localhost").build()
                .get().uri("/api/appointments/{id}/reason", appointmentId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.reason").isEqualTo(reason);
        List<WebTestClient> strangers = List.of(as(patient("patient-" + UUID.randomUUID())),
                as(new Caller("doctor-" + UUID.randomUUID(), "other@apollo.test", Role.DOCTOR, "apollo", null))
                        .mutate().defaultHeader(HttpHeaders.HOST, "apollo.localhost").build(),
                as(new Caller("staff-" + UUID.randomUUID(), "desk@sunrise.test", Role.STAFF, "sunrise", null))
                        .mutate().defaultHeader(HttpHeaders.HOST, "sunrise.localhost").build());
        for (WebTestClient stranger : strangers) {
            stranger.get().uri("/api/appointments/{id}/reason", appointmentId).exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.data").doesNotExist();
        }
        anonymous.get().uri("/api/appointments/{id}/reason", appointmentId).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void unknownSlotIsNotFound() {
        long before = totalEvents();
        client.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", UUID.randomUUID().toString()))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("slot_not_found");
        assertThat(totalEvents()).isEqualTo(before);
    }

    @Test
    void modeTheSlotDoesNotOfferIsRefused() {
        String slotId = publishSlot(1);
        long before = totalEvents();
        client.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId, "mode", "home_visit"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.code").isEqualTo("mode_not_offered");
        assertThat(totalEvents()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertBadRequest("{\"slotId\": ", "malformed_json", null);
    }

    @Test
    void missingFieldsAreNamed() {
        long before = totalEvents();
        client.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("validation_failed")
                .jsonPath("$.error.details[?(@.field == 'slotId')]").exists();
        assertThat(totalEvents()).isEqualTo(before);
    }

    @Test
    void wrongTypesAreNamed() {
        assertBadRequest("{\"slotId\": 42}", "validation_failed", "slotId");
        assertBadRequest("{\"slotId\": \"x\", \"mode\": \"teleport\"}", "validation_failed", "mode");
        assertBadRequest("[1, 2]", "invalid_body", null);
    }

    @Test
    void aPatientIdTenantOrStatusInTheBodyIsRefusedNotApplied() {
        String slotId = publishSlot(1);
        assertBadRequest("{\"slotId\": \"" + slotId + "\", \"patientId\": \"patient-2\"}", "validation_failed", "patientId");
        assertBadRequest("{\"slotId\": \"" + slotId + "\", \"tenantId\": \"sunrise\"}", "validation_failed", "tenantId");
        assertBadRequest("{\"slotId\": \"" + slotId + "\", \"status\": \"completed\"}", "validation_failed", "status");
    }

    @Test
    void anAnonymousBookingIsUnauthorisedAndChangesNothing() {
        String slotId = publishSlot(1);
        long before = totalEvents();
        anonymous.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("unauthenticated");
        anonymous.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                .bodyValue(Map.of("slotId", slotId))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("invalid_token");
        assertThat(totalEvents()).isEqualTo(before);
    }

    @Test
    void staffCannotBookAsIfTheyWereThePatient() {
        String slotId = publishSlot(1);
        as(new Caller("staff-1", "desk@apollo.test", Role.STAFF, "apollo", "clinic-1"))
                .post().uri("/api/appointments").header(HttpHeaders.HOST, "apollo.localhost")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("slotId", slotId))
                .exchange()
                .expectStatus().isForbidden();
        assertThat(eventsInStore(slotId, "com.illajwala.events.slot.SlotSeatBooked")).isZero();
    }

    @Test
    void aSlotOfAnotherTenantCannotBeBookedThroughThisTenantsHost() {
        String slotId = publishSlot(1);
        client.post().uri("/api/appointments").header(HttpHeaders.HOST, "sunrise.localhost")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("slotId", slotId))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("slot_not_found");
        client.post().uri("/api/appointments").header(HttpHeaders.HOST, "apollo.localhost")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("slotId", slotId))
                .exchange()
                .expectStatus().isCreated();
    }

    @Test
    void aCancellationGivesTheSeatBackForTheNextPatient() {
        String slotId = publishSlot(1);
        String appointmentId = book(client, slotId);
        WebTestClient nextPatient = as(patient("patient-next-" + UUID.randomUUID()));
        nextPatient.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId)).exchange().expectStatus().isEqualTo(409);

        step(client, appointmentId, "cancel", Map.of("reason", "patient_request"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.cancelledBy").isEqualTo("patient")
                .jsonPath("$.data.reason").isEqualTo("patient_request");
        assertThat(eventsInStore(slotId, "com.illajwala.events.slot.SlotSeatReleased")).isEqualTo(1);
        book(nextPatient, slotId);
        step(client, appointmentId, "cancel", Map.of("reason", "patient_request"))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("wrong_status");
    }

    @Test
    void theClinicChecksInAndCompletesButThePatientCannot() {
        String appointmentId = book(client, publishSlot(1));
        step(client, appointmentId, "check-in", null).expectStatus().isForbidden();
        step(staff(), appointmentId, "complete", null).expectStatus().isEqualTo(409);
        step(staff(), appointmentId, "check-in", null).expectStatus().isOk()
                .expectBody().jsonPath("$.data.appointmentId").isEqualTo(appointmentId);
        step(staff(), appointmentId, "complete", null).expectStatus().isOk();
        step(staff(), appointmentId, "cancel", Map.of("reason", "other")).expectStatus().isEqualTo(409);
    }

    @Test
    void insideTheNoticePeriodOnlyTheClinicCancels() {
        String appointmentId = book(client, publishSlotAt(Instant.now().plus(Duration.ofMinutes(70))
                .truncatedTo(ChronoUnit.SECONDS), 1));
        step(client, appointmentId, "cancel", Map.of("reason", "patient_request"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.code").isEqualTo("wrong_time");
        step(staff(), appointmentId, "cancel", Map.of("reason", "doctor_unavailable"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.cancelledBy").isEqualTo("clinic");
    }

    @Test
    void theClinicsOwnCancellationPolicyApplies() {
        String clinicId = "clinic-" + UUID.randomUUID();
        String doctorId = "doctor-" + UUID.randomUUID();
        BookingFixtures fixtures = new BookingFixtures(context);
        fixtures.registeredClinic("apollo", clinicId, "Asia/Kolkata", 24);
        fixtures.verifiedDoctorAt("apollo", doctorId, clinicId);
        String slotId = fixtures.slotAt("apollo", doctorId, clinicId, Instant.now().plus(Duration.ofHours(5))
                .truncatedTo(ChronoUnit.SECONDS), 1, BookingFixtures.IN_CLINIC_OR_TELEHEALTH).slotId();
        String appointmentId = book(client, slotId);
        // five hours ahead is fine under the platform's 2 h default, but this clinic asks for 24 h
        step(client, appointmentId, "cancel", Map.of("reason", "patient_request"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.message").value(message -> assertThat((String) message).contains("24 hours"));
    }

    @Test
    void aNoShowIsMarkedOnlyOnceTheAppointmentHasStartedAndFreesTheSeat() {
        String future = book(client, publishSlot(1));
        step(staff(), future, "no-show", null).expectStatus().isEqualTo(422);
        String startedSlot = publishSlotAt(Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS), 1);
        String started = book(client, startedSlot);
        step(staff(), started, "no-show", null).expectStatus().isOk();
        assertThat(eventsInStore(startedSlot, "com.illajwala.events.slot.SlotSeatReleased")).isEqualTo(1);
    }

    @Test
    void strangersAndBadInputChangeNothing() {
        String appointmentId = book(client, publishSlot(1));
        long before = totalEvents();
        step(as(patient("patient-stranger")), appointmentId, "cancel", Map.of("reason", "patient_request"))
                .expectStatus().isNotFound();
        step(as(new Caller("staff-x", "desk@sunrise.test", Role.STAFF, "sunrise", "c-9")), appointmentId, "check-in", null)
                .expectStatus().isForbidden();
        step(client, appointmentId, "cancel", Map.of("reason", "bored")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("reason");
        step(client, appointmentId, "cancel", Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("reason");
        step(client, appointmentId, "cancel", Map.of("reason", "other", "status", "cancelled")).expectStatus().isBadRequest();
        step(client, UUID.randomUUID().toString(), "cancel", Map.of("reason", "other")).expectStatus().isNotFound();
        anonymous.post().uri("/api/appointments/{id}/cancel", appointmentId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "other")).exchange().expectStatus().isUnauthorized();
        assertThat(totalEvents()).isEqualTo(before);
    }

    @Test
    void availabilityPublishesItsSlotsAndNeverSilentlyRemovesBookedOnes() {
        String clinicId = "clinic-" + UUID.randomUUID();
        String doctorId = verifiedDoctorAtANewClinic(clinicId);
        WebTestClient doctor = as(new Caller(doctorId, doctorId + "@apollo.test", Role.DOCTOR, "apollo", clinicId));

        setAvailability(doctor, doctorId, availability(clinicId, "09:00", "11:00"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.slots").value(slots -> assertThat((Integer) slots).isBetween(24, 32))
                .jsonPath("$.data.withdrawn").isEqualTo(0)
                .jsonPath("$.data.blocked").isEmpty();
        java.time.LocalDate tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")).plusDays(1);
        String booked = slotAt(doctorId, clinicId, tomorrow, "10:30");
        String free = slotAt(doctorId, clinicId, tomorrow, "10:00");
        book(client, booked);

        setAvailability(doctor, doctorId, availability(clinicId, "09:00", "10:00"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.blocked").isEqualTo(List.of(booked))
                .jsonPath("$.data.withdrawn").value(withdrawn -> assertThat((Integer) withdrawn).isGreaterThanOrEqualTo(12));
        as(patient("patient-late-" + UUID.randomUUID())).post().uri("/api/appointments")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("slotId", free)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("slot_unavailable");
    }

    @Test
    void theHorizonRollsByItselfAtTheClinicsMidnight() {
        // a clinic where it is now between 03:00 and 04:00, so the day a week ahead has not entered the horizon yet
        int offset = Math.floorMod(3 - java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).getHour() + 12, 24) - 12;
        java.time.ZoneId zone = java.time.ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
        String clinicId = "clinic-" + UUID.randomUUID();
        String doctorId = "doctor-" + UUID.randomUUID();
        BookingFixtures fixtures = new BookingFixtures(context);
        fixtures.registeredClinic("apollo", clinicId, zone.getId());
        fixtures.verifiedDoctorAt("apollo", doctorId, clinicId);
        setAvailability(staff(), doctorId, availability(clinicId, "09:00", "11:00")).expectStatus().isOk();
        java.time.LocalDate today = java.time.LocalDate.now(zone);
        String weekAhead = com.illajwala.booking.slot.SlotCommands.slotId(doctorId, clinicId,
                today.plusDays(7).atTime(9, 0).atZone(zone).toInstant());
        assertThat(eventsInStore(weekAhead, "com.illajwala.events.slot.SlotPublished")).isZero();
        java.sql.Timestamp midnight = java.sql.Timestamp.from(today.plusDays(1).atStartOfDay(zone).toInstant());
        await().atMost(Duration.ofSeconds(20)).until(() -> rollsDueAt(midnight) == 1);

        // midnight comes early
        jdbc.update("UPDATE scheduled_tasks SET execution_time = now() WHERE execution_time = ?"
                + " AND position(convert_to('horizon-roll', 'UTF8') in task_data) > 0", midnight);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> eventsInStore(weekAhead, "com.illajwala.events.slot.SlotPublished") == 1);
        for (String time : List.of("09:30", "10:00", "10:30")) {
            assertThat(eventsInStore(com.illajwala.booking.slot.SlotCommands.slotId(doctorId, clinicId,
                    today.plusDays(7).atTime(java.time.LocalTime.parse(time)).atZone(zone).toInstant()),
                    "com.illajwala.events.slot.SlotPublished")).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                rollsDueAt(java.sql.Timestamp.from(today.plusDays(2).atStartOfDay(zone).toInstant())) == 1);
    }

    private long rollsDueAt(java.sql.Timestamp at) {
        return jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE execution_time = ?"
                + " AND position(convert_to('horizon-roll', 'UTF8') in task_data) > 0", Long.class, at);
    }

    @Test
    void availabilityIsTheDoctorsAndTheirClinicsToSetAndIsValidated() {
        String clinicId = "clinic-" + UUID.randomUUID();
        String doctorId = verifiedDoctorAtANewClinic(clinicId);
        long before = totalEvents();

        setAvailability(client, doctorId, availability(clinicId, "09:00", "11:00")).expectStatus().isForbidden();
        setAvailability(as(new Caller("dr-other", "o@apollo.test", Role.DOCTOR, "apollo", clinicId)), doctorId,
                availability(clinicId, "09:00", "11:00")).expectStatus().isNotFound();
        setAvailability(as(new Caller("staff-s", "s@sunrise.test", Role.STAFF, "sunrise", "c")), doctorId,
                availability(clinicId, "09:00", "11:00")).expectStatus().isForbidden();
        setAvailability(staff(), doctorId, availability(clinicId, "11:00", "09:00")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[?(@.field == 'weekly.MONDAY.end')]").exists();
        setAvailability(staff(), doctorId, availability("clinic-unknown", "09:00", "11:00")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("clinicId");
        Map<String, Object> withTenant = new java.util.HashMap<>(availability(clinicId, "09:00", "11:00"));
        withTenant.put("tenantId", "sunrise");
        setAvailability(staff(), doctorId, withTenant).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("tenantId");
        assertThat(totalEvents()).isEqualTo(before);
        setAvailability(staff(), doctorId, availability(clinicId, "09:00", "11:00")).expectStatus().isOk();
    }

    private String verifiedDoctorAtANewClinic(String clinicId) {
        String doctorId = "doctor-" + UUID.randomUUID();
        BookingFixtures fixtures = new BookingFixtures(context);
        fixtures.registeredClinic("apollo", clinicId, "Asia/Kolkata");
        fixtures.verifiedDoctorAt("apollo", doctorId, clinicId);
        return doctorId;
    }

    private WebTestClient.ResponseSpec setAvailability(WebTestClient caller, String doctorId, Map<String, Object> body) {
        return caller.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .put().uri("/api/doctors/{id}/availability", doctorId).header(HttpHeaders.HOST, "apollo.localhost")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Every day from {@code from} to {@code to}, 30-minute slots, for the next 7 days. */
    private static Map<String, Object> availability(String clinicId, String from, String to) {
        Map<String, Object> session = Map.of("start", from, "end", to, "slotMinutes", 30, "bufferMinutes", 0,
                "capacity", 1, "modes", List.of("clinic"));
        Map<String, Object> weekly = new java.util.TreeMap<>();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            weekly.put(day.name(), List.of(session));
        }
        return Map.of("clinicId", clinicId, "weekly", weekly, "minimumNoticeMinutes", 0, "maximumAdvanceDays", 7);
    }

    private static String slotAt(String doctorId, String clinicId, java.time.LocalDate date, String time) {
        return com.illajwala.booking.slot.SlotCommands.slotId(doctorId, clinicId,
                date.atTime(java.time.LocalTime.parse(time)).atZone(java.time.ZoneId.of("Asia/Kolkata")).toInstant());
    }

    @Test
    void aHeldSeatIsTheHoldersUntilTheHoldExpires() {
        String slotId = publishSlot(1);
        WebTestClient other = as(patient("patient-other-" + UUID.randomUUID()));
        String holdResponse = new String(client.post().uri("/api/slots/{id}/hold", slotId).exchange()
                .expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(holdResponse, "$.data.holdId")).isNotBlank();
        String lockKey = "lock:slot:" + JsonPath.read(holdResponse, "$.data.doctorId") + ":"
                + JsonPath.read(holdResponse, "$.data.start");
        assertThat(redis.opsForValue().get(lockKey).block(Duration.ofSeconds(5))).isEqualTo("patient-1");

        other.post().uri("/api/slots/{id}/hold", slotId).exchange().expectStatus().isEqualTo(409);
        other.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("slotId", slotId))
                .exchange().expectStatus().isEqualTo(409);
        // the hold (3 s in tests) expires by its persisted deadline and the seat is anyone's again
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> other.post().uri("/api/appointments")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("slotId", slotId))
                .exchange().expectStatus().isCreated());
        assertThat(eventsInStore(slotId, "com.illajwala.events.slot.SlotHoldEnded")).isEqualTo(1);
    }

    @Test
    void theHolderBooksTheSeatTheyHold() {
        String slotId = publishSlot(1);
        client.post().uri("/api/slots/{id}/hold", slotId).exchange().expectStatus().isCreated();
        book(client, slotId);
        assertThat(eventsInStore(slotId, "com.illajwala.events.slot.SlotSeatBooked")).isEqualTo(1);
    }

    @Test
    void concurrentHoldsAndBookingsOfOneSeatLetExactlyOnePatientIn() {
        String slotId = publishSlot(1);
        List<Integer> statuses = Flux.range(0, 40)
                .flatMap(i -> {
                    WebTestClient patient = as(patient("patient-race-" + i + "-" + UUID.randomUUID()));
                    WebTestClient.RequestHeadersSpec<?> request = i % 2 == 0
                            ? patient.post().uri("/api/slots/{id}/hold", slotId)
                            : patient.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("slotId", slotId));
                    return Mono.fromCallable(() -> request.exchange().returnResult(String.class).getStatus().value())
                            .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
                }, 40)
                .collectList()
                .block(Duration.ofMinutes(1));
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(39);
        assertThat(eventsInStore(slotId, "com.illajwala.events.slot.SlotSeatHeld")
                + eventsInStore(slotId, "com.illajwala.events.slot.SlotSeatBooked")).isEqualTo(1);
    }

    @Test
    void reschedulingMovesTheSeatOrLeavesEverythingAsItWas() {
        String from = publishSlot(1);
        String to = publishSlot(1);
        String appointmentId = book(client, from);
        step(client, appointmentId, "reschedule", Map.of("slotId", to))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.fromSlotId").isEqualTo(from)
                .jsonPath("$.data.slotId").isEqualTo(to);
        assertThat(eventsInStore(from, "com.illajwala.events.slot.SlotSeatReleased")).isEqualTo(1);
        book(as(patient("patient-after-" + UUID.randomUUID())), from);

        String full = publishSlot(1);
        book(as(patient("patient-full-" + UUID.randomUUID())), full);
        long before = totalEvents();
        step(client, appointmentId, "reschedule", Map.of("slotId", full))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("slot_full");
        step(client, appointmentId, "reschedule", Map.of("slotId", UUID.randomUUID().toString()))
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("slot_not_found");
        step(client, appointmentId, "reschedule", Map.of()).expectStatus().isBadRequest();
        assertThat(totalEvents()).isEqualTo(before);
    }

    @Test
    void aRescheduleAndABookingRacingForTheLastSeatLetExactlyOneIn() {
        for (int round = 0; round < 5; round++) {
            String target = publishSlot(1);
            String appointmentId = book(client, publishSlot(1));
            WebTestClient rival = as(patient("patient-rival-" + UUID.randomUUID()));
            List<Integer> statuses = Flux.just(0, 1)
                    .flatMap(i -> Mono.fromCallable(() -> (i == 0
                                    ? step(client, appointmentId, "reschedule", Map.of("slotId", target))
                                    : rival.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(Map.of("slotId", target)).exchange())
                                    .returnResult(String.class).getStatus().value())
                            .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 2)
                    .collectList().block(Duration.ofSeconds(30));
            assertThat(statuses).containsExactlyInAnyOrder(statuses.contains(200) ? 200 : 201, 409);
            assertThat(eventsInStore(target, "com.illajwala.events.slot.SlotSeatBooked")).isEqualTo(1);
        }
    }

    @Test
    void theTwoHourReminderIsDueTwoHoursBeforeAndNotForACancelledAppointment() {
        Instant start = Instant.now().plus(Duration.ofHours(2)).plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        String kept = book(client, publishSlotAt(start, 1));
        String cancelled = book(client, publishSlotAt(start, 1));
        staff().post().uri("/api/appointments/{id}/cancel", cancelled).header(HttpHeaders.HOST, "apollo.localhost")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "doctor_unavailable"))
                .exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> eventsInStore(kept, "com.illajwala.events.appointment.AppointmentReminderDue") == 1);
        assertThat(eventsInStore(cancelled, "com.illajwala.events.appointment.AppointmentReminderDue")).isZero();
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        client.post().uri("/api/appointments").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("slotId=x")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.success").isEqualTo(false);
    }

    private void assertBadRequest(String body, String code, String field) {
        long before = totalEvents();
        WebTestClient.BodyContentSpec response = client.post().uri("/api/appointments")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo(code);
        if (field != null) {
            response.jsonPath("$.error.details[0].field").isEqualTo(field);
        }
        assertThat(totalEvents()).isEqualTo(before);
    }

    private static Caller patient(String patientId) {
        return new Caller(patientId, patientId + "@example.test", Role.PATIENT, Caller.PLATFORM_TENANT, null);
    }

    private WebTestClient as(Caller caller) {
        return anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(caller)).build();
    }

    private String publishSlot(int capacity) {
        return publishSlotAt(Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES)
                .plusSeconds(UUID.randomUUID().hashCode() & 0xffff), capacity);
    }

    private String publishSlotAt(Instant start, int capacity) {
        return new BookingFixtures(context).slotOfNewDoctor("apollo", "doctor-" + UUID.randomUUID(), start, capacity,
                BookingFixtures.IN_CLINIC_OR_TELEHEALTH).slotId();
    }

    private String book(WebTestClient patient, String slotId) {
        return JsonPath.read(body(patient.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId)).exchange()
                .expectStatus().isCreated()), "$.data.appointmentId");
    }

    private static String body(WebTestClient.ResponseSpec response) {
        return new String(response.expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
    }

    private WebTestClient.ResponseSpec step(WebTestClient caller, String appointmentId, String step, Object body) {
        WebTestClient.RequestBodySpec request = caller.post().uri("/api/appointments/{id}/{step}", appointmentId, step)
                .header(HttpHeaders.HOST, "apollo.localhost");
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient staff() {
        return as(new Caller("staff-" + UUID.randomUUID(), "desk@apollo.test", Role.STAFF, "apollo", "clinic-1"));
    }

    private long eventsInStore(String aggregateId, String payloadType) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                Long.class, aggregateId, payloadType);
    }

    private long totalEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private long seatBookedRecordsOnKafka(String slotId) {
        List<ConsumerRecord<String, byte[]>> records =
                TopicReader.readAll(String.join(",", kafka.getBootstrapServers()), Topic.SLOT.topicName());
        return records.stream()
                .filter(r -> slotId.equals(r.key()))
                .filter(r -> SEAT_BOOKED.equals(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)))
                .count();
    }
}
