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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The analytics route over real bookings: its tenant's admin sees its figures, nobody else does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnalyticsIT {

    @Autowired
    WebTestClient client;
    @Autowired
    ApplicationContext context;
    @Autowired
    AccessTokens tokens;

    @Test
    void aTenantsAdminReadsItsFiguresAndOnlyThem() {
        String tenant = "figures-" + UUID.randomUUID().toString().substring(0, 8);
        String clinicId = "clinic-" + UUID.randomUUID();
        String doctorId = "doctor-" + UUID.randomUUID();
        BookingFixtures fixtures = new BookingFixtures(context);
        fixtures.registeredClinic(tenant, clinicId, "Asia/Kolkata");
        fixtures.verifiedDoctorAt(tenant, doctorId, clinicId);
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<String> slots = List.of(0, 1).stream().map(hour -> fixtures.slotAt(tenant, doctorId, clinicId,
                start.plus(Duration.ofHours(hour)), 1, BookingFixtures.IN_CLINIC_OR_TELEHEALTH).slotId()).toList();
        WebTestClient patient = as(new Caller("patient-" + UUID.randomUUID(), "p@example.test", Role.PATIENT,
                Caller.PLATFORM_TENANT, null), "localhost");
        List<String> booked = slots.stream().map(slot -> (String) JsonPath.read(body(patient.post().uri("/api/appointments")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("slotId", slot)).exchange()
                .expectStatus().isCreated()), "$.data.appointmentId")).toList();
        patient.post().uri("/api/appointments/{id}/cancel", booked.get(1)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "patient_request")).exchange().expectStatus().isOk();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Kolkata"));
        String range = "from=" + today.minusDays(1) + "&to=" + today.plusDays(3);
        WebTestClient admin = as(new Caller("admin-" + UUID.randomUUID(), "admin@" + tenant + ".test", Role.ADMIN, tenant,
                null), tenant + ".localhost");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String figures = body(admin.get().uri("/api/analytics?" + range).exchange().expectStatus().isOk());
            assertThat((Integer) JsonPath.read(figures, "$.data.bookings")).isEqualTo(2);
            assertThat((Integer) JsonPath.read(figures, "$.data.cancellations.total")).isEqualTo(1);
            assertThat((Integer) JsonPath.read(figures, "$.data.cancellations.by.patient")).isEqualTo(1);
            assertThat((Double) JsonPath.read(figures, "$.data.utilisation")).isEqualTo(0.5);
        });
        String platformWide = body(as(new Caller("root-" + UUID.randomUUID(), "admin@illajwala.test", Role.ADMIN,
                Caller.PLATFORM_TENANT, null), "admin.localhost").get().uri("/api/analytics?" + range + "&tenantId=" + tenant)
                .exchange().expectStatus().isOk());
        assertThat((Integer) JsonPath.read(platformWide, "$.data.bookings")).isEqualTo(2);
        // another tenant's admin asking for this tenant gets their own (empty) figures
        String other = body(as(new Caller("admin-x", "admin@other.test", Role.ADMIN, "other-" + tenant, null),
                "other-" + tenant + ".localhost").get().uri("/api/analytics?" + range + "&tenantId=" + tenant)
                .exchange().expectStatus().isOk());
        assertThat((Integer) JsonPath.read(other, "$.data.bookings")).isZero();
        as(new Caller("staff-x", "s@" + tenant + ".test", Role.STAFF, tenant, clinicId), tenant + ".localhost").get()
                .uri("/api/analytics?" + range).exchange().expectStatus().isForbidden();
        patient.get().uri("/api/analytics?" + range).exchange().expectStatus().isForbidden();
        admin.get().uri("/api/analytics?from=" + today + "&to=" + today.minusDays(1)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("to");
        admin.get().uri("/api/analytics?from=" + today + "&to=" + today.plusDays(400)).exchange().expectStatus().isBadRequest();
        admin.get().uri("/api/analytics?to=" + today).exchange().expectStatus().isBadRequest();
    }

    private WebTestClient as(Caller caller, String host) {
        return client.mutate().defaultHeader(HttpHeaders.HOST, host)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(caller)).build();
    }

    private static String body(WebTestClient.ResponseSpec response) {
        return new String(response.expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
    }
}
