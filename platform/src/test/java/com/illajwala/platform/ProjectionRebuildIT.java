package com.illajwala.platform;

import com.illajwala.booking.BookingFixtures;
import com.illajwala.booking.slot.SlotCommands.PublishSlot;
import com.illajwala.events.ConsultationMode;
import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A rebuild drops the read models and replays the topics: what it rebuilds is what was there. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability
class ProjectionRebuildIT {

    @Autowired
    WebTestClient client;
    @Autowired
    ApplicationContext context;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    AccessTokens tokens;

    @Test
    void aRebuiltReadSideIsIdenticalToTheLiveOne() throws Exception {
        String doctorId = "doctor-" + UUID.randomUUID();
        BookingFixtures fixtures = new BookingFixtures(context);
        fixtures.registeredClinic("apollo", "clinic-1", "Asia/Kolkata"); // the waitlist below needs a clinic booking-core knows
        fixtures.verifiedDoctor("apollo", doctorId);
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<PublishSlot> slots = List.of(fixtures.slot("apollo", doctorId, start, 1, Set.of(ConsultationMode.CLINIC)),
                fixtures.slot("apollo", doctorId, start.plus(Duration.ofHours(1)), 2, Set.of(ConsultationMode.CLINIC)));
        WebTestClient patient = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(
                new Caller("patient-" + UUID.randomUUID(), "p@example.test", Role.PATIENT, Caller.PLATFORM_TENANT, null))).build();
        for (PublishSlot slot : slots) {
            patient.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("slotId", slot.slotId())).exchange().expectStatus().isCreated();
        }
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata"));
        patient.post().uri("/api/waitlist").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("clinicId", "clinic-1", "doctorId", doctorId, "from", today.toString(),
                        "to", today.plusDays(5).toString()))
                .exchange().expectStatus().isCreated();
        WebTestClient admin = client.mutate().defaultHeader(HttpHeaders.HOST, "admin.localhost")
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(new Caller("admin-" + UUID.randomUUID(),
                        "admin@illajwala.test", Role.ADMIN, Caller.PLATFORM_TENANT, null))).build();
        await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(admin)
                && mongo.count(new org.springframework.data.mongodb.core.query.Query(), "appointments").block() > 0
                && mongo.count(new org.springframework.data.mongodb.core.query.Query(), "waitlist_view").block() > 0);
        String live = readSideHash();

        String rebuilt = body(admin.post().uri("/api/projections/rebuild").exchange().expectStatus().isAccepted());
        assertThat((Integer) JsonPath.read(rebuilt, "$.data.generation")).isPositive();

        await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp(admin) && readSideHash().equals(live));
        assertThat(body(client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()))
                .contains("illajwala_projection_lag_events");
        patient.post().uri("/api/projections/rebuild").exchange().expectStatus().isForbidden();
    }

    private boolean caughtUp(WebTestClient admin) {
        return (Integer) JsonPath.read(body(admin.get().uri("/api/projections").exchange().expectStatus().isOk()),
                "$.data.lag") == 0;
    }

    /** Every read-model document, keys sorted; {@code nextAvailable} moves with the clock, so it is left out. */
    private String readSideHash() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String collection : List.of("slots", "appointments", "doctors", "clinics_view", "waitlist_view")) {
            for (Document document : mongo.findAll(Document.class, collection).collectList().block(Duration.ofSeconds(30))
                    .stream().sorted((a, b) -> String.valueOf(a.get("_id")).compareTo(String.valueOf(b.get("_id")))).toList()) {
                document.remove("nextAvailable");
                digest.update(canonical(document).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new TreeMap<>(map.entrySet().stream().collect(Collectors.toMap(entry -> String.valueOf(entry.getKey()),
                    entry -> canonical(entry.getValue())))).toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ProjectionRebuildIT::canonical).toList().toString();
        }
        return String.valueOf(value);
    }

    private static String body(WebTestClient.ResponseSpec response) {
        return new String(response.expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
    }
}
