package com.illajwala.platform;

import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.booking.slot.SlotCommands.PublishSlot;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.Topic;
import com.illajwala.kafka.TopicReader;
import com.illajwala.projections.appointment.AppointmentView;
import com.illajwala.projections.slot.SlotView;
import com.illajwala.booking.BookingFixtures;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.illajwala.identity.auth.AccessTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local default, stopped in the middle of a booking load and started again over the same
 * data directory: every event committed before, during or after the stop reaches Kafka and the
 * read models, the read models hold each exactly once, and each booking's confirmation is emailed
 * exactly once.
 */
class RestartIT {

    private static final int SLOTS = 60;

    private static final String PATIENT = "patient-restart";

    @TempDir
    Path dataDir;
    final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @BeforeEach
    void startSmtp() {
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void everyCommittedEventSurvivesARestartMidLoad() {
        String doctorId = "doctor-" + UUID.randomUUID();
        Set<String> booked = ConcurrentHashMap.newKeySet();
        List<String> slotIds;
        String token;

        try (ConfigurableApplicationContext first = startPlatform()) {
            slotIds = publishSlots(first, doctorId);
            emailedPatient(first);
            token = first.getBean(AccessTokens.class).issue(TestCallers.patient(PATIENT));
            WebClient http = client(first, token);
            // Book in the background and stop the platform while requests are still in flight.
            var load = Flux.fromIterable(slotIds)
                    .flatMap(slotId -> book(http, slotId).doOnNext(ok -> {
                        if (ok) {
                            booked.add(slotId);
                        }
                    }), 4)
                    .subscribeOn(Schedulers.boundedElastic())
                    .subscribe();
            await().atMost(Duration.ofSeconds(60)).until(() -> booked.size() >= SLOTS / 3);
            first.close();
            load.dispose();
        }

        try (ConfigurableApplicationContext second = startPlatform()) {
            // the signing keys are kept, sealed under the data directory's secret: the patient stays signed in
            WebClient http = client(second, token);
            Flux.fromIterable(slotIds)
                    .filter(slotId -> !booked.contains(slotId))
                    .concatMap(slotId -> book(http, slotId))
                    .blockLast(Duration.ofMinutes(2));

            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            Set<String> storedSlotIds = jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry "
                            + "WHERE payload_type LIKE '%SlotSeatBooked'", String.class).stream()
                    .filter(slotIds::contains)
                    .collect(Collectors.toSet());
            assertThat(storedSlotIds).as("every slot is booked exactly once in the store").hasSize(SLOTS);
            assertThat(storedSlotIds).containsAll(booked);

            String bootstrap = String.join(",", second.getBean(KafkaConnectionDetails.class).getBootstrapServers());
            Set<String> storeEventIds = eventIdsOfTheTest(jdbc, doctorId, slotIds);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(eventIdsOnKafka(bootstrap)).containsAll(storeEventIds));

            ReactiveMongoTemplate mongo = second.getBean(ReactiveMongoTemplate.class);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<SlotView> slots = mongo.findAll(SlotView.class, SlotView.COLLECTION)
                        .filter(slot -> slot.doctorId().equals(doctorId)).collectList().block();
                assertThat(slots).hasSize(SLOTS).allSatisfy(slot -> {
                    assertThat(slot.seatsBooked()).isEqualTo(1);
                    assertThat(slot.version()).isEqualTo(1);
                });
                List<AppointmentView> appointments = mongo.findAll(AppointmentView.class, AppointmentView.COLLECTION)
                        .filter(appointment -> appointment.doctorId().equals(doctorId)).collectList().block();
                assertThat(appointments).hasSize(SLOTS);
                assertThat(appointments.stream().map(AppointmentView::slotId).collect(Collectors.toSet()))
                        .containsExactlyInAnyOrderElementsOf(slotIds);
            });

            // each booking's confirmation, due before or after the restart, was sent once
            await().atMost(Duration.ofSeconds(90)).until(() -> smtp.getReceivedMessages().length >= SLOTS);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> smtp.getReceivedMessages().length == SLOTS);
            assertThat(jdbc.queryForObject("SELECT count(DISTINCT subject_id) FROM notification WHERE status = 'sent' "
                    + "AND channel = 'email' AND kind = 'appointment_confirmed'", Long.class)).isEqualTo(SLOTS);
        }
    }

    /** The test's patient, with an account whose confirmations go by email. */
    private static void emailedPatient(ConfigurableApplicationContext context) {
        TestPatients.register(context.getBean(ReactiveMongoTemplate.class), PATIENT, "Patient Restart",
                PATIENT + "@example.test", null, "en", "email");
    }

    private ConfigurableApplicationContext startPlatform() {
        // Command-line arguments outrank the environment: this test runs the embedded local default
        // even where CI points other tests at a shared PostgreSQL.
        return new SpringApplicationBuilder(IllajwalaPlatform.class).run(
                "--server.port=0",
                "--illajwala.infrastructure.data-dir=" + dataDir,
                "--illajwala.infrastructure.postgres-url=",
                "--illajwala.infrastructure.isolate=false",
                "--illajwala.demo-data.enabled=false",
                "--illajwala.notifications.email.host=127.0.0.1",
                "--illajwala.notifications.email.port=" + smtp.getSmtp().getPort(),
                // a message the stopped instance had claimed but not sent waits out its lease
                "--illajwala.notifications.lease=10s",
                "--logging.structured.format.console=");
    }

    private static List<String> publishSlots(ConfigurableApplicationContext context, String doctorId) {
        CommandDispatcher commands = context.getBean(CommandDispatcher.class);
        new BookingFixtures(context).verifiedDoctor("apollo", doctorId);
        Instant first = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<PublishSlot> slots = Stream.iterate(first, start -> start.plus(Duration.ofMinutes(30))).limit(SLOTS)
                .map(start -> PublishSlot.of("apollo", doctorId, "clinic-1", start, start.plus(Duration.ofMinutes(30)),
                        "Asia/Kolkata", 1, Set.of(ConsultationMode.CLINIC)))
                .toList();
        Flux.fromIterable(slots).concatMap(commands::send).blockLast(Duration.ofMinutes(1));
        return slots.stream().map(PublishSlot::slotId).toList();
    }

    private static WebClient client(ConfigurableApplicationContext context, String token) {
        return WebClient.builder()
                .baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build();
    }

    /** True when the platform answered 201; a refused connection while it stops is just a failed attempt. */
    private static Mono<Boolean> book(WebClient http, String slotId) {
        return http.post().uri("/api/appointments")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value() == 201))
                .onErrorReturn(false);
    }

    /** Slot publications and appointments name the doctor (so do the doctor's own identity events, left out); seat bookings name their slot. */
    private static Set<String> eventIdsOfTheTest(JdbcTemplate jdbc, String doctorId, List<String> slotIds) {
        Set<String> ids = new HashSet<>(jdbc.queryForList(
                "SELECT event_identifier FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE ?"
                        + " AND payload_type NOT LIKE 'com.illajwala.events.identity.%'",
                String.class, "%" + doctorId + "%"));
        for (String slotId : slotIds) {
            ids.addAll(jdbc.queryForList("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?",
                    String.class, slotId));
        }
        assertThat(ids).hasSize(SLOTS * 3);
        return ids;
    }

    private static Set<String> eventIdsOnKafka(String bootstrap) {
        return Stream.of(Topic.SLOT, Topic.APPOINTMENT)
                .flatMap(topic -> TopicReader.readAll(bootstrap, topic.topicName()).stream())
                .map(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .collect(Collectors.toSet());
    }
}
