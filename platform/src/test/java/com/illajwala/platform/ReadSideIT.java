package com.illajwala.platform;

import com.illajwala.events.appointment.AppointmentEvent;
import com.illajwala.booking.BookingFixtures;
import org.springframework.context.ApplicationContext;
import com.illajwala.booking.slot.SlotCommands.PublishSlot;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.kafka.EventEnvelope;
import com.illajwala.projections.ProjectionConsumer;
import com.illajwala.projections.appointment.AppointmentView;
import com.illajwala.projections.schedule.LiveAppointments;
import com.illajwala.projections.slot.SlotView;
import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.web.ConsistencyToken;
import com.illajwala.web.access.Caller;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReadSideIT {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE =
            new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient client;
    @Autowired
    ApplicationContext context;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    LiveAppointments hub;
    @Autowired
    ProjectionConsumer projections;
    @Autowired
    AccessTokens tokens;

    @Test
    void aBookingReachesTheReadModelTheRoutesAndTheDoctorsLiveBoard() {
        String doctorId = "doctor-" + UUID.randomUUID();
        PublishSlot slot = publishSlot(doctorId);
        LocalDate boardDate = slot.start().atZone(ZoneId.of("Asia/Kolkata")).toLocalDate();
        await().atMost(Duration.ofSeconds(30)).until(hub::isLive);
        Flux<ServerSentEvent<Map<String, Object>>> board =
                boardOf(doctorId, "/api/stream/schedule?doctorId={doctorId}&date={date}", doctorId, boardDate);

        // The first heartbeat proves the stream is subscribed, so the booking cannot slip past it.
        StepVerifier.create(board)
                .expectNextMatches(event -> "heartbeat".equals(event.comment()))
                .then(() -> book(slot.slotId(), "patient-1"))
                .thenConsumeWhile(event -> event.event() == null)
                .assertNext(event -> {
                    assertThat(event.id()).isNotBlank();
                    assertThat(event.event()).isEqualTo("com.illajwala.appointment.booked.v1");
                    assertThat(event.data()).containsEntry("doctorId", doctorId)
                            .containsEntry("slotId", slot.slotId())
                            .containsEntry("status", "confirmed")
                            // as on Kafka: the sequence makes {appointmentId}:{sequence} the change's consistency token
                            .containsKey("appointmentId")
                            .containsEntry("sequence", 0);
                })
                .thenCancel()
                .verify(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get()
                .uri("/api/doctors/{doctorId}/slots?from={from}", doctorId, slot.start().minusSeconds(1))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].slotId").isEqualTo(slot.slotId())
                .jsonPath("$.data[0].status").isEqualTo("full")
                .jsonPath("$.data[0].seatsBooked").isEqualTo(1));
        AppointmentView appointment = appointmentIn(slot.slotId());
        assertThat(appointment).isNotNull();
        asPatient("patient-1").get().uri("/api/appointments/{id}", appointment.appointmentId()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.patientId").isEqualTo("patient-1")
                .jsonPath("$.data.doctorId").isEqualTo(doctorId)
                .jsonPath("$.data.status").isEqualTo("confirmed")
                .jsonPath("$.data.fhirStatus").isEqualTo("booked");
        asPatient("patient-1").get().uri("/api/appointments").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data[?(@.appointmentId == '" + appointment.appointmentId() + "')]").exists();
    }

    /** How a reconnecting board says where it was: a client's header, or a browser's query with a fresh ticket. */
    enum Resume { LAST_EVENT_ID_HEADER, QUERY_WITH_A_NEW_TICKET }

    /** A board that drops and reconnects with its last event id gets exactly the changes it missed, then live ones. */
    @ParameterizedTest
    @EnumSource(Resume.class)
    void aReconnectingBoardLosesAndRepeatsNothing(Resume resume) {
        String doctorId = "doctor-" + UUID.randomUUID();
        List<PublishSlot> slots = slotsOf(doctorId, 4);
        await().atMost(Duration.ofSeconds(30)).until(hub::isLive);
        String[] lastSeen = new String[1];
        StepVerifier.create(boardOf(doctorId, "/api/stream/schedule?doctorId={doctorId}", doctorId))
                .expectNextMatches(event -> "heartbeat".equals(event.comment()))
                .then(() -> book(slots.get(0).slotId(), "patient-r0"))
                .thenConsumeWhile(event -> event.event() == null)
                .assertNext(event -> lastSeen[0] = event.id())
                .thenCancel()
                .verify(Duration.ofSeconds(30));

        // missed while away, and another doctor's booking the board must not show
        book(slots.get(1).slotId(), "patient-r1");
        book(slots.get(2).slotId(), "patient-r2");
        book(publishSlot("doctor-" + UUID.randomUUID()).slotId(), "patient-elsewhere");
        // both reached this instance while the board was away: only a replay can bring them now
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.subscribe(lastSeen[0]).changes()
                .filter(change -> change.event() instanceof AppointmentEvent event && doctorId.equals(event.doctorId()))
                .take(Duration.ofMillis(200)).count().block() == 2);

        List<ServerSentEvent<Map<String, Object>>> resumed = new java.util.ArrayList<>();
        Flux<ServerSentEvent<Map<String, Object>>> reconnected = resume == Resume.LAST_EVENT_ID_HEADER
                ? resumedBoardOf(doctorId, lastSeen[0], "/api/stream/schedule?doctorId={doctorId}", doctorId)
                : boardByTicketOf(doctorId, lastSeen[0]);
        StepVerifier.create(reconnected.filter(event -> event.event() != null))
                .recordWith(() -> resumed)
                .expectNextCount(2)
                .then(() -> book(slots.get(3).slotId(), "patient-r3"))
                .expectNextCount(1)
                .thenCancel()
                .verify(Duration.ofSeconds(30));
        assertThat(resumed).extracting(event -> event.data().get("slotId"))
                .containsExactlyInAnyOrder(slots.get(1).slotId(), slots.get(2).slotId(), slots.get(3).slotId());
        assertThat(resumed).extracting(ServerSentEvent::id).doesNotHaveDuplicates().doesNotContain(lastSeen[0]);
        assertThat(resumed.get(2).data().get("slotId")).isEqualTo(slots.get(3).slotId());
    }

    @Test
    void aBoardResumingFromAnotherRunIsToldToReload() {
        StepVerifier.create(resumedBoardOf("nobody", "elsewhere-42", "/api/stream/schedule?doctorId=nobody"))
                .assertNext(event -> assertThat(event.event()).isEqualTo("reload"))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aPatientsStreamCarriesTheirOwnAppointmentsOnly() {
        String doctorId = "doctor-" + UUID.randomUUID();
        List<PublishSlot> slots = slotsOf(doctorId, 2);
        await().atMost(Duration.ofSeconds(30)).until(hub::isLive);
        String patientId = "patient-" + UUID.randomUUID();
        String[] booked = new String[1];
        Flux<ServerSentEvent<Map<String, Object>>> mine = stream("/api/stream/appointments", headers ->
                headers.set(HttpHeaders.AUTHORIZATION, bearer(TestCallers.patient(patientId))));

        // the entry's own joined event may reach the stream before or after it opened: not what is tested here
        StepVerifier.create(mine.filter(event -> !"com.illajwala.waitlist.joined.v1".equals(event.event()))
                        .filter(event -> event.event() != null || "heartbeat".equals(event.comment())))
                .expectNextMatches(event -> "heartbeat".equals(event.comment()))
                .then(() -> {
                    book(slots.get(0).slotId(), "patient-someone-else");
                    book(slots.get(1).slotId(), patientId);
                })
                .thenConsumeWhile(event -> event.event() == null)
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("com.illajwala.appointment.booked.v1");
                    assertThat(event.data()).containsEntry("patientId", patientId).containsEntry("slotId", slots.get(1).slotId());
                    booked[0] = (String) event.data().get("appointmentId");
                })
                .then(() -> checkIn(booked[0]))
                .thenConsumeWhile(event -> event.event() == null)
                .assertNext(event -> assertThat(event.event()).isEqualTo("com.illajwala.appointment.checked-in.v1"))
                .thenCancel()
                .verify(Duration.ofSeconds(30));
        client.get().uri("/api/stream/appointments")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestCallers.doctor(doctorId, "apollo")))
                .header(HttpHeaders.HOST, "apollo.localhost")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isForbidden();
    }

    /** The waitlist's offer reaches the waiting patient live, and so does the booking that accepting it makes. */
    @Test
    void aPatientsStreamCarriesTheSeatTheWaitlistOffersThem() {
        String doctorId = "doctor-" + UUID.randomUUID();
        new BookingFixtures(context).registeredClinic("apollo", "clinic-1", "Asia/Kolkata");
        PublishSlot slot = slotsOf(doctorId, 1).get(0);
        await().atMost(Duration.ofSeconds(30)).until(hub::isLive);
        String holder = "patient-" + UUID.randomUUID();
        String waiting = "patient-" + UUID.randomUUID();
        String booked = new String(asPatient(holder).post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slot.slotId())).exchange().expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Kolkata"));
        String joined = new String(asPatient(waiting).post().uri("/api/waitlist").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("clinicId", "clinic-1", "doctorId", doctorId, "from", today.toString(),
                        "to", today.plusDays(5).toString()))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        String entryId = JsonPath.read(joined, "$.data.entryId");
        Flux<ServerSentEvent<Map<String, Object>>> mine = stream("/api/stream/appointments", headers ->
                headers.set(HttpHeaders.AUTHORIZATION, bearer(TestCallers.patient(waiting))));

        // the entry's own joined event may reach the stream before or after it opened: not what is tested here
        StepVerifier.create(mine.filter(event -> !"com.illajwala.waitlist.joined.v1".equals(event.event()))
                        .filter(event -> event.event() != null || "heartbeat".equals(event.comment())))
                .expectNextMatches(event -> "heartbeat".equals(event.comment()))
                .then(() -> asPatient(holder).post().uri("/api/appointments/{id}/cancel",
                                (String) JsonPath.read(booked, "$.data.appointmentId"))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "patient_request"))
                        .exchange().expectStatus().isOk())
                .thenConsumeWhile(event -> event.event() == null)
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("com.illajwala.waitlist.offer-made.v1");
                    assertThat(event.data()).containsEntry("entryId", entryId).containsEntry("slotId", slot.slotId())
                            .containsEntry("patientId", waiting);
                })
                .then(() -> asPatient(waiting).post().uri("/api/waitlist/{id}/accept", entryId).exchange()
                        .expectStatus().isOk())
                .thenConsumeWhile(event -> event.event() == null)
                .assertNext(event -> assertThat(event.event()).isIn("com.illajwala.appointment.booked.v1",
                        "com.illajwala.waitlist.booked.v1"))
                .thenCancel()
                .verify(Duration.ofSeconds(30));
    }

    /**
     * No polling here: a read given the write's token holds until the read model has it. The read
     * side is held back for half a second, so a read that did not wait would miss the booking.
     */
    @Test
    void aReadWithTheWritesTokenSeesTheWrite() {
        String doctorId = "doctor-" + UUID.randomUUID();
        PublishSlot slot = publishSlot(doctorId);
        String patientId = "patient-" + UUID.randomUUID();
        projections.stop();
        String appointmentId;
        try {
            EntityExchangeResult<byte[]> booked = asPatient(patientId).post().uri("/api/appointments")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("slotId", slot.slotId()))
                    .exchange().expectStatus().isCreated().expectBody().returnResult();
            appointmentId = JsonPath.read(new String(booked.getResponseBody(), StandardCharsets.UTF_8), "$.data.appointmentId");
            String token = booked.getResponseHeaders().getFirst(ConsistencyToken.HEADER);
            assertThat(token).isEqualTo(appointmentId + ":0");
            Mono.delay(Duration.ofMillis(500)).publishOn(Schedulers.boundedElastic())
                    .doOnNext(tick -> projections.start()).subscribe();

            asPatient(patientId).get().uri("/api/appointments/{id}", appointmentId).header(ConsistencyToken.HEADER, token)
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.data.status").isEqualTo("confirmed");
        } finally {
            await().atMost(Duration.ofSeconds(5)).until(projections::isRunning);
        }

        String cancelled = asPatient(patientId).post().uri("/api/appointments/{id}/cancel", appointmentId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "patient_request"))
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders()
                .getFirst(ConsistencyToken.HEADER);
        assertThat(cancelled).isEqualTo(appointmentId + ":1");
        asPatient(patientId).get().uri("/api/appointments").header(ConsistencyToken.HEADER, cancelled)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data[?(@.appointmentId == '" + appointmentId + "')].status").isEqualTo(List.of("cancelled"));
        asPatient(patientId).get().uri("/api/appointments").header(ConsistencyToken.HEADER, "not-a-token")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo(ConsistencyToken.HEADER);
    }

    @Test
    void theBoardSendsHeartbeats() {
        Flux<ServerSentEvent<Map<String, Object>>> board = boardOf("nobody", "/api/stream/schedule?doctorId=nobody");

        StepVerifier.create(board.take(2))
                .assertNext(event -> assertThat(event.comment()).isEqualTo("heartbeat"))
                .assertNext(event -> assertThat(event.comment()).isEqualTo("heartbeat"))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aCancellationReachesTheBoardAndReopensTheSlot() {
        String doctorId = "doctor-" + UUID.randomUUID();
        PublishSlot slot = publishSlot(doctorId);
        book(slot.slotId(), "patient-3");
        await().atMost(Duration.ofSeconds(30)).until(() -> slotView(slot.slotId()) != null && "full".equals(slotView(slot.slotId()).status()));
        AppointmentView appointment = appointmentIn(slot.slotId());
        Flux<ServerSentEvent<Map<String, Object>>> board =
                boardOf(doctorId, "/api/stream/schedule?doctorId={doctorId}", doctorId);

        StepVerifier.create(board)
                .expectNextMatches(event -> "heartbeat".equals(event.comment()))
                .then(() -> asPatient("patient-3").post().uri("/api/appointments/{id}/cancel", appointment.appointmentId())
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "patient_request"))
                        .exchange().expectStatus().isOk())
                .thenConsumeWhile(event -> event.event() == null)
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("com.illajwala.appointment.cancelled.v1");
                    assertThat(event.data()).containsEntry("appointmentId", appointment.appointmentId())
                            .containsEntry("cancelledBy", "patient");
                })
                .thenCancel()
                .verify(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(slotView(slot.slotId()).status()).isEqualTo("open");
            assertThat(slotView(slot.slotId()).seatsBooked()).isZero();
            assertThat(mongo.findById(appointment.appointmentId(), AppointmentView.class, AppointmentView.COLLECTION)
                    .block().status()).isEqualTo(com.illajwala.events.AppointmentStatus.CANCELLED);
        });
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String doctorId = "doctor-" + UUID.randomUUID();
        PublishSlot slot = publishSlot(doctorId);
        book(slot.slotId(), "patient-2");
        await().atMost(Duration.ofSeconds(30)).until(() -> slotView(slot.slotId()) != null && "full".equals(slotView(slot.slotId()).status()));
        SlotView before = slotView(slot.slotId());
        AppointmentView appointment = appointmentIn(slot.slotId());

        // The slot's first event again, and the appointment's, as Kafka would redeliver them.
        projections.apply(List.of(new EventEnvelope("redelivered-1", Instant.now(), 0,
                new com.illajwala.events.slot.SlotPublished(slot.slotId(), "apollo", doctorId, "clinic-1",
                        slot.start(), slot.end(), "Asia/Kolkata", 1, slot.modes())))).block();
        projections.apply(List.of(new EventEnvelope("redelivered-2", Instant.now(), 0,
                new AppointmentBooked(appointment.appointmentId(), "apollo", slot.slotId(), doctorId, "clinic-1",
                        "someone-else", null, slot.start(), slot.end(), "Asia/Kolkata", ConsultationMode.CLINIC,
                        com.illajwala.events.AppointmentStatus.CANCELLED)))).block();

        assertThat(slotView(slot.slotId())).isEqualTo(before);
        assertThat(mongo.findById(appointment.appointmentId(), AppointmentView.class, AppointmentView.COLLECTION)
                .block()).isEqualTo(appointment);

        // Within one batch: the last event applied again, then a newer one delivered twice — applied once.
        com.illajwala.events.slot.SlotSeatHeld held = new com.illajwala.events.slot.SlotSeatHeld(slot.slotId(), "apollo",
                doctorId, slot.start(), "hold-1", "patient-9", Instant.now().plusSeconds(600));
        EventEnvelope newer = new EventEnvelope("held-1", Instant.now(), before.version() + 1, held);
        projections.apply(List.of(new EventEnvelope("held-0", Instant.now(), before.version(), held), newer, newer)).block();
        assertThat(slotView(slot.slotId()).seatsHeld()).isEqualTo(before.seatsHeld() + 1);
        assertThat(slotView(slot.slotId()).version()).isEqualTo(before.version() + 1);
    }

    @Test
    void slotRangeIsValidated() {
        client.get().uri("/api/doctors/doctor-1/slots?from=yesterday").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("validation_failed")
                .jsonPath("$.error.details[0].field").isEqualTo("from");
        client.get().uri("/api/doctors/doctor-1/slots?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("to");
    }

    @Test
    void unknownAppointmentIsNotFound() {
        asPatient("patient-1").get().uri("/api/appointments/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("appointment_not_found");
    }

    private SlotView slotView(String slotId) {
        return mongo.findById(slotId, SlotView.class, SlotView.COLLECTION).block(Duration.ofSeconds(5));
    }

    private List<PublishSlot> slotsOf(String doctorId, int count) {
        BookingFixtures fixtures = new BookingFixtures(context);
        fixtures.verifiedDoctor("apollo", doctorId);
        Instant first = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(index -> fixtures.slot("apollo", doctorId, first.plus(Duration.ofMinutes(30L * index)), 1,
                        Set.of(ConsultationMode.CLINIC)))
                .toList();
    }

    private void checkIn(String appointmentId) {
        client.post().uri("/api/appointments/{id}/check-in", appointmentId)
                .header(HttpHeaders.AUTHORIZATION, bearer(new Caller("staff-" + UUID.randomUUID(), "desk@apollo.test",
                        com.illajwala.web.access.Role.STAFF, "apollo", "clinic-1")))
                .header(HttpHeaders.HOST, "apollo.localhost")
                .exchange().expectStatus().isOk();
    }

    private PublishSlot publishSlot(String doctorId) {
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return new BookingFixtures(context).slotOfNewDoctor("apollo", doctorId, start, 1, Set.of(ConsultationMode.CLINIC));
    }

    /** The doctor's own live board, opened with their token through their tenant's host. */
    private Flux<ServerSentEvent<Map<String, Object>>> boardOf(String doctorId, String uri, Object... variables) {
        return resumedBoardOf(doctorId, null, uri, variables);
    }

    /** @param lastEventId the id a reconnecting board resumes after, or null */
    private Flux<ServerSentEvent<Map<String, Object>>> resumedBoardOf(String doctorId, String lastEventId, String uri,
                                                                      Object... variables) {
        return stream(uri, headers -> {
            if (lastEventId != null) {
                headers.set("Last-Event-ID", lastEventId);
            }
            headers.set(HttpHeaders.HOST, "apollo.localhost");
            headers.set(HttpHeaders.AUTHORIZATION, bearer(TestCallers.doctor(doctorId, "apollo")));
        }, variables);
    }

    /** The board as a browser's EventSource reopens it: a new single-use ticket and {@code ?lastEventId=}. */
    private Flux<ServerSentEvent<Map<String, Object>>> boardByTicketOf(String doctorId, String lastEventId) {
        String ticket = JsonPath.read(new String(client.post().uri("/api/stream/tickets")
                .header(HttpHeaders.HOST, "apollo.localhost")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestCallers.doctor(doctorId, "apollo")))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody(),
                StandardCharsets.UTF_8), "$.data.ticket");
        return stream("/api/stream/schedule?doctorId={doctorId}&lastEventId={lastEventId}&ticket={ticket}",
                headers -> headers.set(HttpHeaders.HOST, "apollo.localhost"), doctorId, lastEventId, ticket);
    }

    /** An event stream of the platform, read as it comes. */
    private Flux<ServerSentEvent<Map<String, Object>>> stream(String uri, java.util.function.Consumer<HttpHeaders> headers,
                                                              Object... variables) {
        return WebClient.create("http://localhost:" + port).get()
                .uri(uri, variables)
                .headers(headers)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(SSE);
    }

    private String bearer(Caller caller) {
        return "Bearer " + tokens.issue(caller);
    }

    private WebTestClient asPatient(String patientId) {
        return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, bearer(TestCallers.patient(patientId))).build();
    }

    private void book(String slotId, String patientId) {
        asPatient(patientId).post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId))
                .exchange()
                .expectStatus().isCreated();
    }

    /** The slot's appointment once the read side has it: slots and appointments are separate read models. */
    private AppointmentView appointmentIn(String slotId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findAll(AppointmentView.class, AppointmentView.COLLECTION)
                .filter(view -> slotId.equals(view.slotId())).blockFirst(Duration.ofSeconds(5)), java.util.Objects::nonNull);
    }
}
