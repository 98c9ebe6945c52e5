package com.illajwala.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.illajwala.booking.BookingFixtures;
import com.illajwala.booking.availability.Availabilities;
import com.illajwala.booking.availability.AvailabilityRules;
import com.illajwala.booking.availability.Session;
import com.illajwala.booking.payment.RazorpayStub;
import com.illajwala.events.EventCatalogue;
import com.illajwala.events.EventType;
import com.illajwala.events.Topic;
import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.kafka.CloudEventCodec;
import com.illajwala.kafka.TopicReader;
import com.illajwala.notifications.ProviderStub;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import com.jayway.jsonpath.JsonPath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The integrator contract holds for what the code really emits: one day at a demo clinic drives every
 * kind of event there is through the platform's own routes and processes (identity, booking, payments,
 * reminders, availability, holds, the waitlist, running late, notifications), then every record on
 * every topic is checked against its published JSON Schema and its CloudEvents headers, and every type
 * of the catalogue must have been seen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "illajwala.demo-data.enabled=true")
@ActiveProfiles("test")
class EventContractIT {

    private static final String TENANT = "apollo";
    private static final String CLINIC = "apollo-koramangala";
    private static final String DOCTOR = "dr-sana-khan";
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final Set<String> HEADERS = Set.of(CloudEventCodec.ID, CloudEventCodec.SOURCE, CloudEventCodec.TYPE,
            CloudEventCodec.SUBJECT, CloudEventCodec.TIME, CloudEventCodec.TENANT_ID, CloudEventCodec.CONTENT_TYPE,
            "ce_specversion");

    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final ProviderStub providers = new ProviderStub();
    static final RazorpayStub razorpay = new RazorpayStub();

    @DynamicPropertySource
    static void outsideServices(DynamicPropertyRegistry registry) {
        smtp.start();
        // every SMS and WhatsApp message is refused: SMS notifications fail, WhatsApp ones stop at a cap of 0
        providers.answer(ProviderStub.Mode.REJECT);
        registry.add("illajwala.notifications.email.host", () -> "127.0.0.1");
        registry.add("illajwala.notifications.email.port", () -> smtp.getSmtp().getPort());
        providers.register(registry);
        registry.add("illajwala.notifications.daily-cap.whatsapp", () -> "0");
        razorpay.register(registry, "3s");
    }

    @AfterAll
    static void stopOutsideServices() {
        smtp.stop();
        providers.close();
        razorpay.close();
    }

    @Autowired
    WebTestClient client;
    @Autowired
    AccessTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ApplicationContext context;
    @Autowired
    Availabilities availabilities;
    @Autowired
    KafkaConnectionDetails kafka;

    @Test
    void everyTypeTheCodeEmitsIsOnItsTopicAsItsSchemaSays() {
        // the demo data registered tenants and clinics, onboarded and verified doctors, and published slots
        await().atMost(Duration.ofSeconds(60)).until(() -> openSlots().size() >= 12);
        List<String> slots = openSlots();
        Patient mailed = patient("email", "sms");
        Patient onWhatsApp = patient("whatsapp");
        String unknownPatient = "patient-" + UUID.randomUUID();

        // a day at the clinic: booked, reminded (the two-hour reminder is due in seconds), checked in, seen, completed
        String soon = new BookingFixtures(context).slotAt(TENANT, DOCTOR, CLINIC,
                Instant.now().plus(Duration.ofHours(2)).plusSeconds(4).truncatedTo(ChronoUnit.SECONDS), 1,
                BookingFixtures.IN_CLINIC_OR_TELEHEALTH).slotId();
        String visit = book(as(mailed.caller()), soon, "at_clinic");
        await().atMost(Duration.ofSeconds(60)).until(() -> events(visit, "appointment.AppointmentReminderDue") > 0);
        for (String step : List.of("check-in", "start", "complete")) {
            step(visit, step);
        }
        // someone who did not come
        String past = new BookingFixtures(context).slotAt(TENANT, DOCTOR, CLINIC,
                Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS), 1,
                BookingFixtures.IN_CLINIC_OR_TELEHEALTH).slotId();
        step(book(as(TestCallers.patient(unknownPatient)), past, "at_clinic"), "no-show");
        // moved, then cancelled
        String moved = book(as(onWhatsApp.caller()), slots.get(1), "at_clinic");
        as(onWhatsApp.caller()).post().uri("/api/appointments/{id}/reschedule", moved).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slots.get(2))).exchange().expectStatus().isOk();
        cancel(onWhatsApp.caller(), moved);
        // paid online in time; and paid after the window closed, so refunded
        String paid = book(as(mailed.caller()), slots.get(3), "online");
        webhook(paid);
        awaitEvent(paid, "appointment.AppointmentConfirmed");
        String late = book(as(mailed.caller()), slots.get(4), "online");
        awaitEvent(late, "appointment.AppointmentCancelled");
        webhook(late);
        awaitEvent(late, "appointment.AppointmentRefunded");
        // a hold that runs out
        String holdId = JsonPath.read(body(as(TestCallers.patient(unknownPatient)).post().uri("/api/slots/{id}/hold", slots.get(5))
                .exchange().expectStatus().isCreated()), "$.data.holdId");
        fire(holdId);
        awaitEvent(slots.get(5), "slot.SlotHoldEnded");
        // the doctor runs late today
        as(TestCallers.doctor(DOCTOR, TENANT)).post().uri("/api/doctors/{id}/running-late", DOCTOR)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", LocalDate.now(KOLKATA).toString(), "minutes", 20)).exchange().expectStatus().isOk();
        waitlist(slots.subList(6, 9), mailed, onWhatsApp);
        availabilityChanges(slots.get(9));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(typesOnKafka())
                .containsAll(EventCatalogue.all().stream().map(EventType::name).toList()));
        List<String> violations = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records()) {
            violations.addAll(violationsOf(record));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void aRecordThatBreaksItsSchemaIsCaught() throws IOException {
        ObjectMapper json = CloudEventCodec.JSON;
        JsonNode booked = json.readTree("{\"appointmentId\":\"a\",\"tenantId\":\"apollo\",\"slotId\":\"s\",\"patientId\":\"p\","
                + "\"dependentId\":null,\"doctorId\":\"d\",\"clinicId\":\"c\",\"start\":\"2026-01-01T10:00:00Z\","
                + "\"end\":\"2026-01-01T10:30:00Z\",\"timezone\":\"Asia/Kolkata\",\"mode\":\"clinic\",\"status\":\"confirmed\","
                + "\"sequence\":0}");
        assertThat(schemaOf("com.illajwala.appointment.booked.v1").validate(booked)).isEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) booked).remove("slotId");
        assertThat(schemaOf("com.illajwala.appointment.booked.v1").validate(booked)).isNotEmpty();
    }

    /** Joined, marked urgent, offered and declined, offered and lapsed, offered and booked, withdrawn, expired. */
    private void waitlist(List<String> slots, Patient first, Patient second) {
        Patient holder = patient("email");
        List<String> appointments = slots.stream().map(slot -> book(as(holder.caller()), slot, "at_clinic")).toList();
        LocalDate lastDay = slots.stream().map(this::dayOf).max(LocalDate::compareTo).orElseThrow();
        String firstEntry = join(first.caller(), lastDay);
        String secondEntry = join(second.caller(), lastDay);
        as(staff()).put().uri("/api/waitlist/{id}/urgency", secondEntry).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("urgent", true)).exchange().expectStatus().isOk();

        cancel(holder.caller(), appointments.get(0));
        awaitEvent(secondEntry, "waitlist.WaitlistOfferMade");
        as(second.caller()).post().uri("/api/waitlist/{id}/decline", secondEntry).exchange().expectStatus().isOk();
        awaitEvent(firstEntry, "waitlist.WaitlistOfferMade");
        fire(JsonPath.read(payloadOf(firstEntry, "waitlist.WaitlistOfferMade"), "$.holdId"));
        awaitEvent(firstEntry, "waitlist.WaitlistOfferLapsed");

        cancel(holder.caller(), appointments.get(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> events(firstEntry, "waitlist.WaitlistOfferMade")
                + events(secondEntry, "waitlist.WaitlistOfferMade") == 3);
        String offered = events(secondEntry, "waitlist.WaitlistOfferMade") == 2 ? secondEntry : firstEntry;
        Caller offeredTo = offered.equals(secondEntry) ? second.caller() : first.caller();
        as(offeredTo).post().uri("/api/waitlist/{id}/accept", offered).exchange().expectStatus().isOk();
        as(offered.equals(secondEntry) ? first.caller() : second.caller())
                .delete().uri("/api/waitlist/{id}", offered.equals(secondEntry) ? firstEntry : secondEntry)
                .exchange().expectStatus().isOk();

        String expiring = join(first.caller(), lastDay);
        fire(expiring);
        awaitEvent(expiring, "waitlist.WaitlistEntryExpired");
    }

    /** Leave on the day of a booked slot blocks it and withdraws the day's others; back from leave, those reopen. */
    private void availabilityChanges(String bookedSlot) {
        book(as(TestCallers.patient("patient-" + UUID.randomUUID())), bookedSlot, "at_clinic");
        LocalDate leave = dayOf(bookedSlot);
        availabilities.set(TENANT, DOCTOR, CLINIC, rules(Set.of(leave))).block(Duration.ofSeconds(30));
        awaitEvent(bookedSlot, "slot.SlotBlocked");
        availabilities.set(TENANT, DOCTOR, CLINIC, rules(Set.of())).block(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE payload_type = 'com.illajwala.events.slot.SlotReopened'",
                Long.class) > 0);
    }

    /** The demo doctors' rules (Monday to Saturday, 09:00–13:00 and 14:00–17:00), with leave days. */
    private static AvailabilityRules rules(Set<LocalDate> leave) {
        List<Session> sessions = List.of(
                new Session(LocalTime.of(9, 0), LocalTime.of(13, 0), List.of(), Duration.ofMinutes(30), Duration.ZERO, 1,
                        BookingFixtures.IN_CLINIC_OR_TELEHEALTH),
                new Session(LocalTime.of(14, 0), LocalTime.of(17, 0), List.of(), Duration.ofMinutes(30), Duration.ZERO, 1,
                        BookingFixtures.IN_CLINIC_OR_TELEHEALTH));
        Map<DayOfWeek, List<Session>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                weekly.put(day, sessions);
            }
        }
        return new AvailabilityRules(KOLKATA.getId(), weekly, leave, Map.of(), Duration.ofHours(1), Duration.ofDays(14));
    }

    private List<String> violationsOf(ConsumerRecord<String, byte[]> record) {
        List<String> violations = new ArrayList<>();
        Set<String> present = new TreeSet<>();
        for (Header header : record.headers()) {
            present.add(header.key());
        }
        if (!present.containsAll(HEADERS)) {
            violations.add(record.topic() + "@" + record.offset() + " lacks headers: " + HEADERS.stream()
                    .filter(name -> !present.contains(name)).collect(Collectors.joining(", ")));
        }
        String type = header(record, CloudEventCodec.TYPE);
        try {
            JsonNode data = CloudEventCodec.JSON.readTree(record.value());
            for (ValidationMessage message : schemaOf(type).validate(data)) {
                violations.add(type + " (" + record.topic() + "@" + record.offset() + "): " + message.getMessage());
            }
        } catch (IOException e) {
            violations.add(type + " (" + record.topic() + "@" + record.offset() + ") is not JSON: " + e.getMessage());
        }
        return violations;
    }

    private final Map<String, JsonSchema> schemas = new java.util.concurrent.ConcurrentHashMap<>();

    /** The schema as published (kafka's contract/schemas); a type without one has no schema to pass. */
    private JsonSchema schemaOf(String type) {
        return schemas.computeIfAbsent(type, name -> {
            try (InputStream schema = getClass().getResourceAsStream("/contract/schemas/" + name + ".json")) {
                assertThat(schema).as("published schema of %s", name).isNotNull();
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Set<String> typesOnKafka() {
        return records().stream().map(record -> header(record, CloudEventCodec.TYPE)).collect(Collectors.toCollection(TreeSet::new));
    }

    private List<ConsumerRecord<String, byte[]>> records() {
        String bootstrap = String.join(",", kafka.getBootstrapServers());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            records.addAll(TopicReader.readAll(bootstrap, topic.topicName()));
        }
        return records;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A patient with an account, contact details and the channels they want. */
    record Patient(String id, Caller caller) {
    }

    private Patient patient(String... channels) {
        String id = "patient-" + UUID.randomUUID();
        String phone = "+91" + (9_000_000_000L + Math.floorMod(id.hashCode(), 999_999_999L));
        TestPatients.register(mongo, id, "Patient " + id.substring(8, 16), id + "@example.test", phone, "en", channels);
        return new Patient(id, TestCallers.patient(id));
    }

    private static Caller staff() {
        return new Caller("staff-" + UUID.randomUUID(), "desk@apollo.test", Role.STAFF, TENANT, CLINIC);
    }

    /** Patients on the platform's host, the clinic's people on their tenant's. */
    private WebTestClient as(Caller caller) {
        WebTestClient.Builder builder = client.mutate().responseTimeout(Duration.ofSeconds(20))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(caller));
        if (!caller.isPatient()) {
            builder.defaultHeader(HttpHeaders.HOST, caller.tenantId() + ".localhost");
        }
        return builder.build();
    }

    /** The doctor's open slots from tomorrow on, beyond any cancellation notice. */
    private List<String> openSlots() {
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        List<Map<String, Object>> slots = JsonPath.read(body(client.get().uri("/api/doctors/{id}/slots", DOCTOR).exchange()
                .expectStatus().isOk()), "$.data[?(@.status == 'open')]");
        return slots.stream().filter(slot -> Instant.parse((String) slot.get("start")).isAfter(tomorrow))
                .map(slot -> (String) slot.get("slotId")).toList();
    }

    private LocalDate dayOf(String slotId) {
        String start = JsonPath.<List<String>>read(body(client.get().uri("/api/doctors/{id}/slots", DOCTOR).exchange()
                .expectStatus().isOk()), "$.data[?(@.slotId == '" + slotId + "')].start").get(0);
        return LocalDate.ofInstant(Instant.parse(start), KOLKATA);
    }

    private String book(WebTestClient patient, String slotId, String payment) {
        return JsonPath.read(body(patient.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId, "payment", payment)).exchange().expectStatus().isCreated()),
                "$.data.appointmentId");
    }

    private void step(String appointmentId, String step) {
        as(staff()).post().uri("/api/appointments/{id}/{step}", appointmentId, step).exchange().expectStatus().isOk();
    }

    private void cancel(Caller patient, String appointmentId) {
        as(patient).post().uri("/api/appointments/{id}/cancel", appointmentId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "patient_request")).exchange().expectStatus().isOk();
    }

    private String join(Caller patient, LocalDate to) {
        return JsonPath.read(body(as(patient).post().uri("/api/waitlist").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("clinicId", CLINIC, "doctorId", DOCTOR, "from", LocalDate.now(KOLKATA).toString(),
                        "to", to.toString()))
                .exchange().expectStatus().isCreated()), "$.data.entryId");
    }

    private void webhook(String appointmentId) {
        String captured = RazorpayStub.captured(appointmentId, "pay_" + UUID.randomUUID(), 80_000);
        client.post().uri("/api/payments/webhook").contentType(MediaType.APPLICATION_JSON)
                .header("X-Razorpay-Signature", RazorpayStub.sign(captured))
                .bodyValue(captured.getBytes(StandardCharsets.UTF_8)).exchange().expectStatus().isOk();
    }

    /** Whatever persisted deadline names {@code id} (a hold, a reminder, an entry's window) fires at the next poll. */
    private void fire(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.update("UPDATE scheduled_tasks SET execution_time = now() "
                + "WHERE position(convert_to(?, 'UTF8') in task_data) > 0", id) > 0);
    }

    private void awaitEvent(String aggregateId, String type) {
        await().atMost(Duration.ofSeconds(30)).until(() -> events(aggregateId, type) > 0);
    }

    private long events(String aggregateId, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                Long.class, aggregateId, "com.illajwala.events." + type);
    }

    private String payloadOf(String aggregateId, String type) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ? ORDER BY sequence_number DESC LIMIT 1", String.class, aggregateId,
                "com.illajwala.events." + type);
    }

    private static String body(WebTestClient.ResponseSpec response) {
        return new String(response.expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
    }
}
