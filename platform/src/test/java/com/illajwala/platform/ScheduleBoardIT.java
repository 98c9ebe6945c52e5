package com.illajwala.platform;

import com.illajwala.booking.BookingFixtures;
import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The doctor's day from real bookings and lifecycle steps: queue, times, running late, gaps, and who may see it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ScheduleBoardIT {

    @Autowired
    WebTestClient client;
    @Autowired
    ApplicationContext context;
    @Autowired
    AccessTokens tokens;

    @Test
    void theBoardShowsTheDayAsItHappensToItsDoctorAndClinicOnly() {
        // a clinic where it is around noon, so the slots an hour either side of now are all today
        int offset = Math.floorMod(12 - OffsetDateTime.now(ZoneOffset.UTC).getHour() + 12, 24) - 12;
        ZoneId zone = ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
        String clinicId = "clinic-" + UUID.randomUUID();
        String doctorId = "doctor-" + UUID.randomUUID();
        BookingFixtures fixtures = new BookingFixtures(context);
        fixtures.registeredClinic("apollo", clinicId, zone.getId());
        fixtures.verifiedDoctorAt("apollo", doctorId, clinicId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<String> slots = List.of(-60, -30, 30, 60).stream()
                .map(minutes -> fixtures.slotAt("apollo", doctorId, clinicId, now.plus(Duration.ofMinutes(minutes)), 1,
                        BookingFixtures.IN_CLINIC_OR_TELEHEALTH, zone.getId()).slotId())
                .toList();
        List<String> appointments = slots.subList(0, 3).stream().map(this::book).toList();
        WebTestClient desk = as(new Caller("staff-" + UUID.randomUUID(), "desk@apollo.test", Role.STAFF, "apollo", clinicId));
        for (String step : List.of("check-in", "start", "complete")) {
            desk.post().uri("/api/appointments/{id}/{step}", appointments.get(0), step).exchange().expectStatus().isOk();
        }
        desk.post().uri("/api/appointments/{id}/check-in", appointments.get(1)).exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(JsonPath.<List<String>>read(board(desk, doctorId),
                "$.data.queue[*].status")).containsExactly("completed", "checked_in", "confirmed"));
        String board = board(desk, doctorId);
        assertThat(JsonPath.<String>read(board, "$.data.timezone")).isEqualTo(zone.getId());
        Map<String, Object> first = JsonPath.read(board, "$.data.queue[0]");
        assertThat(List.of("checkedInAt", "consultationStartedAt", "completedAt")).allSatisfy(time -> assertThat(first.get(time)).isNotNull());
        assertThat(first.get("expectedStart")).isNull();
        // the first finished half an hour after its slot and the second has waited since its start
        int late = JsonPath.read(board, "$.data.runningLateMinutes");
        assertThat(late).isBetween(29, 35);
        assertThat(Instant.parse(JsonPath.read(board, "$.data.queue[2].expectedStart")))
                .isEqualTo(now.plus(Duration.ofMinutes(30 + late)));
        assertThat(JsonPath.<String>read(board, "$.data.gaps[0].start")).isEqualTo(now.plus(Duration.ofMinutes(60)).toString());
        assertThat(JsonPath.<List<Object>>read(board, "$.data.gaps")).hasSize(1);

        assertThat(JsonPath.<List<String>>read(body(desk.get().uri("/api/appointments?doctorId={id}&status=checked_in", doctorId)),
                "$.data[*].appointmentId")).containsExactly(appointments.get(1));
        assertThat(JsonPath.<List<String>>read(body(desk.get().uri("/api/appointments?doctorId={id}&date={day}", doctorId,
                now.atZone(zone).toLocalDate())), "$.data[*].appointmentId")).containsExactlyElementsOf(appointments);
        desk.get().uri("/api/appointments?status=lost").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("status");
        as(new Caller(doctorId, "d@apollo.test", Role.DOCTOR, "apollo", clinicId)).get()
                .uri("/api/doctors/{id}/schedule", doctorId).exchange().expectStatus().isOk();
        as(new Caller("dr-other", "o@apollo.test", Role.DOCTOR, "apollo", clinicId)).get()
                .uri("/api/doctors/{id}/schedule", doctorId).exchange().expectStatus().isForbidden();
        as(new Caller("staff-x", "x@sunrise.test", Role.STAFF, "sunrise", "c-9")).get()
                .uri("/api/doctors/{id}/schedule", doctorId).exchange().expectStatus().isNotFound();
        as(new Caller("patient-x", "p@example.test", Role.PATIENT, Caller.PLATFORM_TENANT, null)).get()
                .uri("/api/doctors/{id}/schedule", doctorId).exchange().expectStatus().isForbidden();
        desk.get().uri("/api/doctors/{id}/schedule?date=yesterday", doctorId).exchange().expectStatus().isBadRequest();
    }

    private static String body(WebTestClient.RequestHeadersSpec<?> request) {
        return new String(request.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody(),
                StandardCharsets.UTF_8);
    }

    private String board(WebTestClient caller, String doctorId) {
        return new String(caller.get().uri("/api/doctors/{id}/schedule", doctorId).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
    }

    private String book(String slotId) {
        WebTestClient patient = as(new Caller("patient-" + UUID.randomUUID(), "p@example.test", Role.PATIENT,
                Caller.PLATFORM_TENANT, null));
        return JsonPath.read(new String(patient.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId)).exchange().expectStatus().isCreated().expectBody().returnResult()
                .getResponseBody(), StandardCharsets.UTF_8), "$.data.appointmentId");
    }

    /** Patients on the platform's host, the clinic's people on their tenant's. */
    private WebTestClient as(Caller caller) {
        WebTestClient.Builder builder = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(caller));
        if (!caller.isPatient()) {
            builder.defaultHeader(HttpHeaders.HOST, caller.tenantId() + ".localhost");
        }
        return builder.build();
    }
}
