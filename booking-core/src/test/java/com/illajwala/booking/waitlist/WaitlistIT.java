package com.illajwala.booking.waitlist;

import com.illajwala.booking.BookingFixtures;
import com.illajwala.events.Topic;
import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.kafka.TopicReader;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The waitlist over HTTP, on the real event store, with the promotion running. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WaitlistIT {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WebTestClient anonymous;
    @Autowired
    AccessTokens tokens;
    @Autowired
    KafkaConnectionDetails kafka;

    @Test
    void aFreedSeatGoesToTheMostUrgentWaitingPatientWhoBooksIt() {
        Clinic clinic = newClinic(1);
        String slotId = clinic.slot(0, 0);
        WebTestClient holder = as(patient("holder"));
        String appointmentId = book(holder, slotId);
        WebTestClient first = as(patient("first"));
        WebTestClient urgent = as(patient("urgent"));
        String firstEntry = join(first, clinic.doctors().get(0), clinic.id());
        String urgentEntry = join(urgent, clinic.doctors().get(0), clinic.id());
        assertThat(mine(urgent, urgentEntry)).containsEntry("status", "pending").containsEntry("position", 2);

        staff().put().uri("/api/waitlist/{id}/urgency", urgentEntry).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("urgent", true)).exchange().expectStatus().isOk();
        assertThat(mine(urgent, urgentEntry)).containsEntry("position", 1);
        assertThat(mine(first, firstEntry)).containsEntry("position", 2);

        holder.post().uri("/api/appointments/{id}/cancel", appointmentId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "patient_request")).exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(20)).until(() -> "promoted".equals(mine(urgent, urgentEntry).get("status")));
        assertThat(JsonPath.<String>read(mine(urgent, urgentEntry), "$.offer.slotId")).isEqualTo(slotId);
        assertThat(mine(first, firstEntry)).containsEntry("status", "pending").containsEntry("position", 1);
        // the seat is held for the patient offered it
        as(patient("walk-in")).post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId)).exchange().expectStatus().isEqualTo(409);

        String booked = JsonPath.read(body(urgent.post().uri("/api/waitlist/{id}/accept", urgentEntry).exchange()
                .expectStatus().isOk()), "$.data.appointmentId");
        assertThat(mine(urgent, urgentEntry)).containsEntry("status", "booked").containsEntry("appointmentId", booked);
        assertThat(payloadOf(booked, "com.illajwala.events.appointment.AppointmentBooked"))
                .contains("\"status\":\"confirmed\"", "\"slotId\":\"" + slotId + "\"", "\"patientId\":\"" + id("urgent") + "\"");
        assertThat(mine(first, firstEntry)).containsEntry("status", "pending");
    }

    @Test
    void aDeclinedLapsedOrWithdrawnOfferPassesToTheNextPatient() {
        Clinic clinic = newClinic(1);
        String slotId = clinic.slot(0, 0);
        WebTestClient holder = as(patient("holder"));
        String appointmentId = book(holder, slotId);
        WebTestClient first = as(patient("first"));
        WebTestClient second = as(patient("second"));
        WebTestClient third = as(patient("third"));
        String firstEntry = join(first, clinic.doctors().get(0), clinic.id());
        // any doctor of the specialization will do for the second patient
        String secondEntry = joinWith(second, clinic.id(), Map.of("specialization", "general medicine"));
        String thirdEntry = join(third, clinic.doctors().get(0), clinic.id());
        holder.post().uri("/api/appointments/{id}/cancel", appointmentId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "patient_request")).exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(20)).until(() -> "promoted".equals(mine(first, firstEntry).get("status")));
        first.post().uri("/api/waitlist/{id}/decline", firstEntry).exchange().expectStatus().isOk();
        assertThat(mine(first, firstEntry)).containsEntry("status", "pending");

        await().atMost(Duration.ofSeconds(20)).until(() -> "promoted".equals(mine(second, secondEntry).get("status")));
        lapse(JsonPath.read(offerMade(secondEntry), "$.holdId"));

        await().atMost(Duration.ofSeconds(20)).until(() -> "promoted".equals(mine(third, thirdEntry).get("status")));
        assertThat(mine(second, secondEntry)).containsEntry("status", "pending");
        third.delete().uri("/api/waitlist/{id}", thirdEntry).exchange().expectStatus().isOk();
        assertThat(mine(third, thirdEntry)).containsEntry("status", "withdrawn");

        // everyone passed on the seat: it is free for anyone again
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(patient("walk-in")).post().uri("/api/appointments")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("slotId", slotId)).exchange()
                .expectStatus().isCreated());
        assertThat(offersOf(firstEntry) + offersOf(secondEntry) + offersOf(thirdEntry)).isEqualTo(3);
    }

    @Test
    void newAvailabilityIsOfferedToWaitingPatientsAndTheOfferIsPublished() {
        Clinic clinic = newClinic(1);
        WebTestClient waiting = as(patient("waiting"));
        String entryId = join(waiting, clinic.doctors().get(0), clinic.id());

        String slotId = clinic.slot(0, 4);

        await().atMost(Duration.ofSeconds(20)).until(() -> "promoted".equals(mine(waiting, entryId).get("status")));
        assertThat(JsonPath.<String>read(mine(waiting, entryId), "$.offer.slotId")).isEqualTo(slotId);
        // notifications and integrators hear of it on the waitlist topic
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(String.join(",", kafka.getBootstrapServers()),
                        Topic.WAITLIST.topicName()).stream()
                .filter(record -> entryId.equals(record.key()))
                .anyMatch(record -> "com.illajwala.waitlist.offer-made.v1".equals(
                        new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))));
    }

    @Test
    void onlyAnEntryWhoseWindowFitsTheSeatIsOfferedItInAModeItWants() {
        Clinic clinic = newClinic(1);
        String doctor = clinic.doctors().get(0);
        LocalDate tomorrow = LocalDate.now(KOLKATA).plusDays(1);
        WebTestClient evenings = as(patient("evenings"));
        WebTestClient later = as(patient("later"));
        WebTestClient homeVisits = as(patient("home-visits"));
        WebTestClient telehealth = as(patient("telehealth"));
        String eveningsEntry = joinWith(evenings, clinic.id(), Map.of("doctorId", doctor, "timesOfDay", List.of("evening")));
        String laterEntry = joinWith(later, clinic.id(), Map.of("doctorId", doctor, "from", tomorrow.plusDays(1).toString()));
        String homeEntry = joinWith(homeVisits, clinic.id(), Map.of("doctorId", doctor, "modes", List.of("home_visit")));
        String telehealthEntry = joinWith(telehealth, clinic.id(), Map.of("doctorId", doctor, "modes", List.of("telehealth")));

        String slotId = clinic.slot(0, 4);

        await().atMost(Duration.ofSeconds(20)).until(() -> "promoted".equals(mine(telehealth, telehealthEntry).get("status")));
        assertThat(offerMade(telehealthEntry)).contains("\"slotId\":\"" + slotId + "\"", "\"mode\":\"telehealth\"");
        assertThat(List.of(mine(evenings, eveningsEntry), mine(later, laterEntry), mine(homeVisits, homeEntry)))
                .allSatisfy(entry -> assertThat(entry).containsEntry("status", "pending"));
        String appointmentId = JsonPath.read(body(telehealth.post().uri("/api/waitlist/{id}/accept", telehealthEntry)
                .exchange().expectStatus().isOk()), "$.data.appointmentId");
        assertThat(payloadOf(appointmentId, "com.illajwala.events.appointment.AppointmentBooked"))
                .contains("\"mode\":\"telehealth\"");
    }

    private String joinWith(WebTestClient patient, String clinicId, Map<String, Object> fields) {
        return JsonPath.read(body(patient.post().uri("/api/waitlist").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request(clinicId, fields)).exchange().expectStatus().isCreated()), "$.data.entryId");
    }

    @Test
    void nobodySeesAnotherPatientsEntryNorAnotherTenantsWaitlist() {
        Clinic clinic = newClinic(1);
        WebTestClient owner = as(patient("owner"));
        String entryId = join(owner, clinic.doctors().get(0), clinic.id());
        WebTestClient stranger = as(patient("stranger"));
        WebTestClient otherTenant = as(new Caller("staff-" + UUID.randomUUID(), "desk@sunrise.test", Role.STAFF, "sunrise", "c-9"));
        long before = totalEvents();

        for (String step : List.of("accept", "decline")) {
            stranger.post().uri("/api/waitlist/{id}/{step}", entryId, step).exchange().expectStatus().isNotFound();
        }
        stranger.delete().uri("/api/waitlist/{id}", entryId).exchange().expectStatus().isNotFound();
        assertThat(body(stranger.get().uri("/api/waitlist/mine").exchange().expectStatus().isOk())).doesNotContain(entryId);
        otherTenant.delete().uri("/api/waitlist/{id}", entryId)
                .exchange().expectStatus().isNotFound();
        otherTenant.put().uri("/api/waitlist/{id}/urgency", entryId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("urgent", true)).exchange().expectStatus().isNotFound();
        assertThat(body(otherTenant.get().uri("/api/waitlist").exchange()
                .expectStatus().isOk())).doesNotContain(entryId);
        owner.put().uri("/api/waitlist/{id}/urgency", entryId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("urgent", true)).exchange().expectStatus().isForbidden();
        stranger.get().uri("/api/waitlist").exchange().expectStatus().isForbidden();
        anonymous.get().uri("/api/waitlist/mine").exchange().expectStatus().isUnauthorized();
        assertThat(totalEvents()).isEqualTo(before);

        assertThat(body(staff().get().uri("/api/waitlist?doctorId={id}", clinic.doctors().get(0))
                .exchange().expectStatus().isOk())).contains(entryId);
    }

    @Test
    void badInputIsRefusedWithTheFieldsNamedAndNothingChanges() {
        Clinic clinic = newClinic(1);
        String doctor = clinic.doctors().get(0);
        WebTestClient patient = as(patient("careful"));
        LocalDate today = LocalDate.now(KOLKATA);
        long before = totalEvents();

        refused(patient, Map.of("clinicId", clinic.id(), "from", today.toString(), "to", today.plusDays(2).toString()), "doctorId");
        refused(patient, request(clinic.id(), Map.of("doctorId", doctor, "specialization", "cardiology")), "doctorId");
        refused(patient, request("clinic-unknown", Map.of("doctorId", doctor)), "clinicId");
        refused(patient, request(clinic.id(), Map.of("doctorId", "doctor-unknown")), "doctorId");
        refused(patient, Map.of("clinicId", clinic.id(), "doctorId", doctor, "from", today.plusDays(3).toString(),
                "to", today.plusDays(1).toString()), "to");
        refused(patient, Map.of("clinicId", clinic.id(), "doctorId", doctor, "from", today.minusDays(5).toString(),
                "to", today.minusDays(1).toString()), "to");
        refused(patient, request(clinic.id(), Map.of("doctorId", doctor, "timesOfDay", List.of("midnight"))), "timesOfDay");
        refused(patient, request(clinic.id(), Map.of("doctorId", doctor, "priority", 100)), "priority");
        refused(patient, request(clinic.id(), Map.of("doctorId", doctor, "dependentId", "not-mine")), "dependentId");
        staff().post().uri("/api/waitlist").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request(clinic.id(), Map.of("doctorId", doctor))).exchange().expectStatus().isForbidden();
        patient.post().uri("/api/waitlist").header(HttpHeaders.HOST, "sunrise.localhost").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request(clinic.id(), Map.of("doctorId", doctor))).exchange().expectStatus().isBadRequest();
        staff().get().uri("/api/waitlist?status=lost").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("status");
        assertThat(totalEvents()).isEqualTo(before);

        join(patient, doctor, clinic.id());
        patient.post().uri("/api/waitlist").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request(clinic.id(), Map.of("doctorId", doctor))).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("already_waiting");
    }

    /**
     * 100 patients wait for 5 doctors; 50 booked seats are cancelled at once; each offer is accepted
     * or left to lapse at random. Every seat is held for one patient at a time and never double
     * booked, every acceptance is a confirmed appointment, and patients are offered seats in the
     * order of the clinic's policy: urgent first, then by time waited.
     */
    @Test
    void fiftyCancellationsAtOnceRefillFromAHundredWaitingPatientsInPolicyOrder() {
        Random random = new Random(20261125);
        Clinic clinic = newClinic(5);
        Map<String, String> holderOfAppointment = new HashMap<>();
        Map<String, Integer> doctorOfSlot = new HashMap<>();
        for (int doctor = 0; doctor < 5; doctor++) {
            for (int index = 0; index < 10; index++) {
                String slotId = clinic.slot(doctor, index);
                doctorOfSlot.put(slotId, doctor);
                String holder = "holder-" + doctor + "-" + index;
                holderOfAppointment.put(book(as(patient(holder)), slotId), holder);
            }
        }
        Set<Integer> urgentPlaces = Set.of(3, 8, 11, 16, 19);
        Map<String, WebTestClient> patientOfEntry = new HashMap<>();
        List<List<String>> entriesInPolicyOrder = new ArrayList<>();
        for (int doctor = 0; doctor < 5; doctor++) {
            List<String> urgent = new ArrayList<>();
            List<String> others = new ArrayList<>();
            for (int place = 0; place < 20; place++) {
                WebTestClient patient = as(patient("waiting-" + doctor + "-" + place));
                String entryId = join(patient, clinic.doctors().get(doctor), clinic.id());
                patientOfEntry.put(entryId, patient);
                (urgentPlaces.contains(place) ? urgent : others).add(entryId);
            }
            for (String entryId : urgent) {
                staff().put().uri("/api/waitlist/{id}/urgency", entryId).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("urgent", true)).exchange().expectStatus().isOk();
            }
            urgent.addAll(others);
            entriesInPolicyOrder.add(urgent);
        }

        // the test's blocking clients get threads of their own: the server shares this JVM's pools
        Scheduler clients = Schedulers.newBoundedElastic(50, 1000, "cancelling-patients");
        List<Integer> cancelled = Flux.fromIterable(holderOfAppointment.entrySet())
                .parallel(50).runOn(clients)
                .map(appointment -> as(patient(appointment.getValue())).post()
                        .uri("/api/appointments/{id}/cancel", appointment.getKey()).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("reason", "patient_request")).exchange().returnResult(String.class)
                        .getStatus().value())
                .sequential().collectList().doFinally(signal -> clients.dispose()).block(Duration.ofMinutes(1));
        assertThat(cancelled).hasSize(50).containsOnly(200);

        Set<String> answered = new HashSet<>();
        List<String> accepted = new ArrayList<>();
        // the responder answers each new offer as the test waits: accept, or let it lapse
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (Map<String, Object> offer : offersTo(patientOfEntry.keySet())) {
                String entryId = (String) offer.get("entryId");
                if (answered.add((String) offer.get("holdId"))) {
                    if (random.nextBoolean()) {
                        patientOfEntry.get(entryId).post().uri("/api/waitlist/{id}/accept", entryId).exchange()
                                .expectStatus().isOk();
                        accepted.add(entryId);
                    } else {
                        lapse((String) offer.get("holdId"));
                    }
                }
            }
            return settled(doctorOfSlot, entriesInPolicyOrder);
        });

        List<Map<String, Object>> offers = offersTo(patientOfEntry.keySet());
        for (String slotId : doctorOfSlot.keySet()) {
            assertNeverMoreThanOneSeatTaken(slotId, offers);
        }
        List<String> bookedEntries = jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type = ?",
                String.class, "com.illajwala.events.waitlist.WaitlistEntryBooked").stream()
                .filter(patientOfEntry::containsKey).toList();
        assertThat(bookedEntries).containsExactlyInAnyOrderElementsOf(accepted);
        for (String entryId : bookedEntries) {
            String booked = payloadOf(entryId, "com.illajwala.events.waitlist.WaitlistEntryBooked");
            String appointment = payloadOf(JsonPath.read(booked, "$.appointmentId"),
                    "com.illajwala.events.appointment.AppointmentBooked");
            assertThat(appointment).contains("\"status\":\"confirmed\"",
                    "\"slotId\":\"" + JsonPath.read(booked, "$.slotId") + "\"",
                    "\"patientId\":\"" + JsonPath.read(offerMade(entryId), "$.patientId") + "\"");
        }
        for (List<String> queue : entriesInPolicyOrder) {
            assertOfferedInPolicyOrder(queue, offers);
        }
        assertThat(accepted).hasSizeGreaterThan(10);
    }

    /** Every freed seat is booked again from the waitlist, or every patient waiting for its doctor is booked or passed on it; no offer is open. */
    private boolean settled(Map<String, Integer> doctorOfSlot, List<List<String>> queues) {
        if (jdbc.queryForObject("SELECT count(*) FROM waitlist_entry WHERE status = 'PROMOTED' AND entry_id = ANY (?)",
                Long.class, (Object) queues.stream().flatMap(List::stream).toArray(String[]::new)) > 0) {
            return false;
        }
        return doctorOfSlot.entrySet().stream().allMatch(slot -> jdbc.queryForObject(
                "SELECT count(*) FROM waitlist_entry WHERE offer_slot_id IS NULL AND appointment_id IS NOT NULL "
                        + "AND entry_id IN (SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type = ? "
                        + "AND position(convert_to(?, 'UTF8') in payload) > 0)", Long.class,
                "com.illajwala.events.waitlist.WaitlistEntryBooked", slot.getKey()) == 1
                || queues.get(slot.getValue()).stream().allMatch(entryId -> jdbc.queryForObject(
                "SELECT count(*) FROM waitlist_entry e WHERE entry_id = ? AND (status = 'BOOKED' OR EXISTS "
                        + "(SELECT 1 FROM waitlist_passed p WHERE p.entry_id = e.entry_id AND p.slot_id = ?))",
                Long.class, entryId, slot.getKey()) == 1));
    }

    /** Walks the slot's own events in order: booked seats and holds together never exceed its one seat. */
    private void assertNeverMoreThanOneSeatTaken(String slotId, List<Map<String, Object>> offers) {
        int taken = 0;
        List<String> holds = new ArrayList<>();
        for (Map<String, Object> event : jdbc.queryForList("SELECT payload_type, convert_from(payload, 'UTF8') AS payload "
                + "FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number", slotId)) {
            String type = (String) event.get("payload_type");
            taken += switch (type.substring(type.lastIndexOf('.') + 1)) {
                case "SlotSeatBooked", "SlotSeatHeld" -> 1;
                case "SlotSeatReleased", "SlotHoldEnded" -> -1;
                default -> 0;
            };
            if (type.endsWith("SlotSeatHeld")) {
                holds.add(JsonPath.read((String) event.get("payload"), "$.holdId"));
            }
            assertThat(taken).as("seats taken in %s", slotId).isBetween(0, 1);
        }
        assertThat(holds).containsAll(offers.stream().filter(offer -> slotId.equals(offer.get("slotId")))
                .map(offer -> (String) offer.get("holdId")).toList());
    }

    /** Nobody is offered a first seat before everyone ahead of them in the policy's order had theirs. */
    private static void assertOfferedInPolicyOrder(List<String> queue, List<Map<String, Object>> offers) {
        List<String> firstOffers = offers.stream().map(offer -> (String) offer.get("entryId"))
                .filter(queue::contains).distinct().toList();
        assertThat(firstOffers).isEqualTo(queue.subList(0, firstOffers.size()));
    }

    /** Offers made to these entries, in the order the store recorded them. */
    private List<Map<String, Object>> offersTo(Set<String> entries) {
        return jdbc.queryForList("SELECT aggregate_identifier, convert_from(payload, 'UTF8') AS payload FROM domain_event_entry "
                        + "WHERE payload_type = ? AND aggregate_identifier = ANY (?) ORDER BY global_index",
                "com.illajwala.events.waitlist.WaitlistOfferMade", (Object) entries.toArray(String[]::new)).stream()
                .map(row -> Map.<String, Object>of("entryId", row.get("aggregate_identifier"),
                        "slotId", JsonPath.read((String) row.get("payload"), "$.slotId"),
                        "holdId", JsonPath.read((String) row.get("payload"), "$.holdId")))
                .toList();
    }

    /** A clinic of apollo with doctors of its own, each with slots tomorrow from 09:00 every 30 minutes. */
    record Clinic(String id, List<String> doctors, BookingFixtures fixtures) {

        String slot(int doctor, int index) {
            Instant start = LocalDate.now(KOLKATA).plusDays(1).atTime(LocalTime.of(9, 0)).plusMinutes(30L * index)
                    .atZone(KOLKATA).toInstant();
            return fixtures.slotAt("apollo", doctors.get(doctor), id, start, 1, BookingFixtures.IN_CLINIC_OR_TELEHEALTH)
                    .slotId();
        }
    }

    Clinic newClinic(int doctors) {
        BookingFixtures fixtures = new BookingFixtures(context);
        String clinicId = "clinic-" + UUID.randomUUID();
        fixtures.registeredClinic("apollo", clinicId, KOLKATA.getId());
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < doctors; i++) {
            String doctorId = "doctor-" + UUID.randomUUID();
            fixtures.verifiedDoctorAt("apollo", doctorId, clinicId);
            ids.add(doctorId);
        }
        return new Clinic(clinicId, ids, fixtures);
    }

    static Map<String, Object> request(String clinicId, Map<String, Object> fields) {
        LocalDate today = LocalDate.now(KOLKATA);
        Map<String, Object> body = new HashMap<>(Map.of("clinicId", clinicId, "from", today.toString(),
                "to", today.plusDays(3).toString()));
        body.putAll(fields);
        return body;
    }

    String join(WebTestClient patient, String doctorId, String clinicId) {
        return joinWith(patient, clinicId, Map.of("doctorId", doctorId));
    }

    private void refused(WebTestClient patient, Map<String, Object> body, String field) {
        List<String> fields = JsonPath.read(body(patient.post().uri("/api/waitlist").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isBadRequest()), "$.error.details[*].field");
        assertThat(fields).anyMatch(named -> named.startsWith(field));
    }

    /** The patient's entry as /api/waitlist/mine shows it. */
    Map<String, Object> mine(WebTestClient patient, String entryId) {
        List<Map<String, Object>> entries = JsonPath.read(body(patient.get().uri("/api/waitlist/mine").exchange()
                .expectStatus().isOk()), "$.data[?(@.entryId == '" + entryId + "')]");
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    /** The offer's hold expires now: its persisted deadline fires at the scheduler's next poll. */
    void lapse(String holdId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.update("UPDATE scheduled_tasks SET execution_time = now() "
                + "WHERE position(convert_to(?, 'UTF8') in task_data) > 0", holdId) == 1);
    }

    String offerMade(String entryId) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ? ORDER BY sequence_number DESC LIMIT 1", String.class, entryId,
                "com.illajwala.events.waitlist.WaitlistOfferMade");
    }

    private long offersOf(String entryId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                Long.class, entryId, "com.illajwala.events.waitlist.WaitlistOfferMade");
    }

    String payloadOf(String aggregateId, String payloadType) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", String.class, aggregateId, payloadType);
    }

    long totalEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    String book(WebTestClient patient, String slotId) {
        return JsonPath.read(body(patient.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId)).exchange().expectStatus().isCreated()), "$.data.appointmentId");
    }

    static String body(WebTestClient.ResponseSpec response) {
        return new String(response.expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
    }

    /** Patients of this test class have ids of their own, so runs and tests never share an entry. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    String id(String name) {
        return "patient-" + name + "-" + run;
    }

    Caller patient(String name) {
        return new Caller(id(name), name + "@example.test", Role.PATIENT, Caller.PLATFORM_TENANT, null);
    }

    WebTestClient staff() {
        return as(new Caller("staff-" + UUID.randomUUID(), "desk@apollo.test", Role.STAFF, "apollo", "clinic-1"));
    }

    /**
     * Patients on the platform's host, the clinic's people on their tenant's. Answers may take more
     * than WebTestClient's default 5 s when 50 requests arrive at once on two cores: these tests
     * check outcomes, not speed.
     */
    WebTestClient as(Caller caller) {
        WebTestClient.Builder client = anonymous.mutate().responseTimeout(Duration.ofSeconds(30))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(caller));
        if (!caller.isPatient()) {
            client.defaultHeader(HttpHeaders.HOST, caller.tenantId() + ".localhost");
        }
        return client.build();
    }
}
