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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the doctor app's availability editor stands on: the rules last set read back in the shape
 * they are set in, and a preview of the slots new rules would create that matches what setting them
 * then publishes, changes nothing, and is refused to the same people and for the same bad input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AvailabilityEditorIT {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Autowired
    WebTestClient client;
    @Autowired
    ApplicationContext context;
    @Autowired
    AccessTokens tokens;
    @Autowired
    JdbcTemplate jdbc;

    private final String clinicId = "clinic-" + UUID.randomUUID();
    private final String doctorId = "doctor-" + UUID.randomUUID();

    @Test
    void theEditorReadsTheRulesBackAndPreviewsExactlyTheSlotsSavingPublishes() {
        BookingFixtures fixtures = new BookingFixtures(context);
        fixtures.registeredClinic("apollo", clinicId, KOLKATA.getId());
        fixtures.verifiedDoctorAt("apollo", doctorId, clinicId);
        WebTestClient doctor = as(new Caller(doctorId, "d@apollo.test", Role.DOCTOR, "apollo", clinicId));
        LocalDate today = LocalDate.now(KOLKATA);
        LocalDate leave = today.plusDays(3);
        LocalDate extra = today.plusDays(4);
        Map<String, Object> rules = rules(leave, extra);

        doctor.get().uri("/api/doctors/{id}/availability?clinicId={c}", doctorId, clinicId).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("availability_not_found");

        long before = totalEvents();
        String preview = body(doctor.post().uri("/api/doctors/{id}/availability/preview", doctorId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(rules));
        assertThat(totalEvents()).as("a preview stores nothing").isEqualTo(before);
        assertThat(JsonPath.<String>read(preview, "$.data.timezone")).isEqualTo(KOLKATA.getId());
        List<String> starts = JsonPath.read(preview, "$.data.slots[*].start");
        List<LocalDate> days = starts.stream().map(start -> Instant.parse(start).atZone(KOLKATA).toLocalDate()).toList();
        assertThat(days).doesNotContain(leave).contains(extra);
        // the extra session: 14:00–15:00 in 20-minute slots with telehealth only
        List<Map<String, Object>> slots = JsonPath.read(preview, "$.data.slots");
        assertThat(slots.stream().filter(slot -> List.of("telehealth").equals(slot.get("modes"))).map(slot -> slot.get("start")))
                .containsExactly(extra.atTime(14, 0).atZone(KOLKATA).toInstant().toString(),
                        extra.atTime(14, 20).atZone(KOLKATA).toInstant().toString(),
                        extra.atTime(14, 40).atZone(KOLKATA).toInstant().toString());

        String saved = body(doctor.mutate().responseTimeout(Duration.ofSeconds(30)).build().put()
                .uri("/api/doctors/{id}/availability", doctorId).contentType(MediaType.APPLICATION_JSON).bodyValue(rules));
        assertThat(JsonPath.<Integer>read(saved, "$.data.slots")).isEqualTo(starts.size());

        String current = body(doctor.get().uri("/api/doctors/{id}/availability?clinicId={c}", doctorId, clinicId));
        assertThat(JsonPath.<String>read(current, "$.data.clinicId")).isEqualTo(clinicId);
        assertThat(JsonPath.<Integer>read(current, "$.data.minimumNoticeMinutes")).isZero();
        assertThat(JsonPath.<Integer>read(current, "$.data.maximumAdvanceDays")).isEqualTo(7);
        assertThat(JsonPath.<Map<String, Object>>read(current, "$.data.weekly")).containsOnlyKeys("MONDAY", "TUESDAY",
                "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
        assertThat(JsonPath.<String>read(current, "$.data.weekly.MONDAY[0].start")).startsWith("09:00");
        assertThat(JsonPath.<String>read(current, "$.data.weekly.MONDAY[0].breaks[0].start")).startsWith("10:00");
        assertThat(JsonPath.<List<String>>read(current, "$.data.leaveDays")).containsExactly(leave.toString());
        assertThat(JsonPath.<String>read(current, "$.data.extraSessions[0].date")).isEqualTo(extra.toString());
        assertThat(JsonPath.<Integer>read(current, "$.data.extraSessions[0].session.slotMinutes")).isEqualTo(20);
        // what the editor reads back, it can send again unchanged
        String again = body(doctor.post().uri("/api/doctors/{id}/availability/preview", doctorId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(JsonPath.<Map<String, Object>>read(current, "$.data")));
        assertThat(JsonPath.<List<String>>read(again, "$.data.slots[*].start")).isEqualTo(starts);
    }

    @Test
    void thePreviewIsRefusedToOthersAndNamesTheFieldsItCannotTake() {
        BookingFixtures fixtures = new BookingFixtures(context);
        fixtures.registeredClinic("apollo", clinicId, KOLKATA.getId());
        fixtures.verifiedDoctorAt("apollo", doctorId, clinicId);
        LocalDate today = LocalDate.now(KOLKATA);
        Map<String, Object> rules = rules(today.plusDays(1), today.plusDays(2));
        WebTestClient staff = as(new Caller("staff-" + UUID.randomUUID(), "s@apollo.test", Role.STAFF, "apollo", clinicId));

        preview(staff, rules).expectStatus().isOk();
        preview(as(new Caller("dr-other", "o@apollo.test", Role.DOCTOR, "apollo", clinicId)), rules)
                .expectStatus().isNotFound();
        preview(as(new Caller("staff-s", "s@sunrise.test", Role.STAFF, "sunrise", "c")), rules).expectStatus().isNotFound();
        preview(as(new Caller("patient-p", "p@example.test", Role.PATIENT, Caller.PLATFORM_TENANT, null)), rules)
                .expectStatus().isForbidden();
        Map<String, Object> backwards = new HashMap<>(rules);
        backwards.put("weekly", Map.of("MONDAY", List.of(session("11:00", "09:00", 30, List.of("clinic")))));
        preview(staff, backwards).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[?(@.field == 'weekly.MONDAY.end')]").exists();
        Map<String, Object> elsewhere = new HashMap<>(rules);
        elsewhere.put("clinicId", "clinic-unknown");
        preview(staff, elsewhere).expectStatus().isBadRequest().expectBody().jsonPath("$.error.details[0].field")
                .isEqualTo("clinicId");
        staff.get().uri("/api/doctors/{id}/availability", doctorId).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("clinicId");
    }

    private WebTestClient.ResponseSpec preview(WebTestClient caller, Map<String, Object> rules) {
        return caller.post().uri("/api/doctors/{id}/availability/preview", doctorId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(rules).exchange();
    }

    /** Every day 09:00–12:00 in 30-minute slots with a break at 10:00, a leave day, and one extra afternoon. */
    private Map<String, Object> rules(LocalDate leave, LocalDate extra) {
        Map<String, Object> morning = new HashMap<>(session("09:00", "12:00", 30, List.of("clinic")));
        morning.put("breaks", List.of(Map.of("start", "10:00", "end", "10:30")));
        Map<String, Object> weekly = new java.util.TreeMap<>();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            weekly.put(day.name(), List.of(morning));
        }
        return Map.of("clinicId", clinicId, "weekly", weekly, "leaveDays", List.of(leave.toString()),
                "extraSessions", List.of(Map.of("date", extra.toString(),
                        "session", session("14:00", "15:00", 20, List.of("telehealth")))),
                "minimumNoticeMinutes", 0, "maximumAdvanceDays", 7);
    }

    private static Map<String, Object> session(String start, String end, int minutes, List<String> modes) {
        return Map.of("start", start, "end", end, "slotMinutes", minutes, "bufferMinutes", 0, "capacity", 1, "modes", modes);
    }

    private long totalEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static String body(WebTestClient.RequestHeadersSpec<?> request) {
        return new String(request.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody(),
                StandardCharsets.UTF_8);
    }

    private WebTestClient as(Caller caller) {
        WebTestClient.Builder builder = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(caller));
        if (!caller.isPatient()) {
            builder.defaultHeader(HttpHeaders.HOST, caller.tenantId() + ".localhost");
        }
        return builder.build();
    }
}
