package com.illajwala.platform.demo;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the README's run command starts with: every demo account signs in, and the demo doctors are bookable. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "illajwala.demo-data.enabled=true")
@ActiveProfiles("test")
class DemoDataIT {

    @Autowired
    WebTestClient client;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoData demoData;

    @Test
    void everyDemoAccountSignsInOnItsHost() {
        Map<String, String> hosts = Map.of(
                "asha@example.test", "localhost", "ben@example.test", "localhost",
                "anika.mehta@apollo.test", "apollo.localhost", "oliver.hughes@sunrise.test", "sunrise.localhost",
                "frontdesk@apollo.test", "apollo.localhost", "admin@sunrise.test", "sunrise.localhost",
                "admin@illajwala.test", "admin.localhost");
        hosts.forEach((email, host) -> client.post().uri("/api/auth/login").header(HttpHeaders.HOST, host)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", email, "password", "illajwala-demo"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.accessToken").isNotEmpty());
    }

    @Test
    void theDemoDoctorsAreListedWithSlotsAndTheirHorizonsRollByThemselves() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                JsonPath.<List<String>>read(get("/api/doctors"), "$.data.items[*].doctorId"))
                .containsExactlyInAnyOrderElementsOf(DemoData.DOCTORS.stream().map(DemoData.DemoDoctor::doctorId).toList()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                JsonPath.<List<Object>>read(get("/api/doctors/dr-anika-mehta/slots"), "$.data[*]")).isNotEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks"
                + " WHERE position(convert_to('horizon-roll', 'UTF8') in task_data) > 0", Long.class)
                == DemoData.DOCTORS.size());
    }

    @Test
    void theDemoPatientsHaveAppointments() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                JsonPath.<List<String>>read(asPatient("asha@example.test").get().uri("/api/appointments").exchange()
                        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody(),
                        "$.data[*].appointmentId"))
                .containsExactlyInAnyOrder("demo-appointment-asha-1", "demo-appointment-asha-2"));
    }

    /** Only a slot that entered the far end of the horizon in between can be new; nothing is taken away or booked again. */
    @Test
    void aSecondStartLeavesTheSlotsAndAppointmentsAsTheyAre() {
        long published = events("slot.SlotPublished");
        demoData.run(null);
        assertThat(events("slot.SlotPublished")).isBetween(published, published + DemoData.DOCTORS.size());
        assertThat(events("slot.SlotWithdrawn") + events("slot.SlotBlocked")).isZero();
        // other tests with demo data share this context and book too: only the demo's own appointments count
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ? "
                        + "AND aggregate_identifier LIKE 'demo-appointment-%'", Long.class,
                "com.illajwala.events.appointment.AppointmentBooked")).isEqualTo(DemoData.BOOKINGS.size());
    }

    private long events(String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                "com.illajwala.events." + type);
    }

    private WebTestClient asPatient(String email) {
        String token = client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "illajwala-demo"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION,
                "Bearer " + JsonPath.read(token, "$.data.accessToken")).build();
    }

    private String get(String uri) {
        return new String(client.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody(), StandardCharsets.UTF_8);
    }
}
