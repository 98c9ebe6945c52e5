package com.illajwala.platform;

import com.illajwala.booking.BookingFixtures;
import com.illajwala.booking.slot.SlotCommands.PublishSlot;
import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.identity.WaitlistPolicy;
import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.identity.clinic.Clinic.RegisterClinic;
import com.illajwala.identity.doctor.Doctor.OnboardDoctor;
import com.illajwala.identity.doctor.Doctor.VerifyDoctor;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Doctor search over the whole pipeline: identity and slot events → Kafka → projections → the route and its cache. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DoctorSearchIT {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final Duration READ_SIDE_LAG = Duration.ofSeconds(30);

    @Autowired
    WebTestClient client;
    @Autowired
    ApplicationContext context;
    @Autowired
    CommandDispatcher commands;
    @Autowired
    ReactiveStringRedisTemplate redis;
    @Autowired
    AccessTokens tokens;

    private final String tenant = "search-" + UUID.randomUUID().toString().substring(0, 8);
    private final String pune = "clinic-" + UUID.randomUUID();
    private final String mumbai = "clinic-" + UUID.randomUUID();
    private final String meera = doctorId("meera");
    private final String arjun = doctorId("arjun");
    private final String kavya = doctorId("kavya");
    private final String unverified = doctorId("unverified");
    private final LocalDate tomorrow = LocalDate.now(KOLKATA).plusDays(1);
    private String kavyasSlot;

    @BeforeAll
    void doctorsOfOneTenantAtTwoClinics() {
        send(new RegisterClinic(pune, tenant, "Pune Clinic", pune, KOLKATA.getId(), "Pune", 2, List.of(24), WaitlistPolicy.defaults()));
        send(new RegisterClinic(mumbai, tenant, "Mumbai Clinic", mumbai, KOLKATA.getId(), "Mumbai", 2, List.of(24), WaitlistPolicy.defaults()));
        onboard(meera, "Dr Meera Joshi", "cardiology", List.of("en", "hi"), Set.of(ConsultationMode.CLINIC, ConsultationMode.TELEHEALTH), pune, 800);
        onboard(arjun, "Dr Arjun Rao", "dermatology", List.of("en"), Set.of(ConsultationMode.CLINIC), mumbai, 500);
        onboard(kavya, "Dr Kavya Menon", "cardiology", List.of("en", "ml"), Set.of(ConsultationMode.TELEHEALTH), mumbai, 1200);
        onboard(unverified, "Dr Una Verified", "cardiology", List.of("en"), Set.of(ConsultationMode.CLINIC), pune, 700);
        for (String doctor : List.of(meera, arjun, kavya)) {
            send(new VerifyDoctor(doctor));
        }
        BookingFixtures fixtures = new BookingFixtures(context);
        for (String doctor : List.of(meera, arjun, kavya)) {
            await().atMost(READ_SIDE_LAG).until(() -> context.getBean(com.illajwala.booking.doctor.BookableDoctors.class)
                    .isBookable(doctor));
        }
        kavyasSlot = fixtures.slotAt(tenant, kavya, mumbai, at(tomorrow, 10), 1, Set.of(ConsultationMode.TELEHEALTH)).slotId();
        PublishSlot meerasSlot = fixtures.slotAt(tenant, meera, pune, at(tomorrow.plusDays(1), 10), 1,
                Set.of(ConsultationMode.CLINIC));
        await().atMost(READ_SIDE_LAG).untilAsserted(() -> assertThat(ids("")).containsExactly(kavya, meera, arjun));
        assertThat(meerasSlot.slotId()).isNotBlank();
    }

    @Test
    @Order(0)
    void everyFilterNarrowsToTheDoctorsThatFit() {
        assertThat(ids("specialty=Cardiology")).containsExactly(kavya, meera);
        assertThat(ids("city=pune")).containsExactly(meera);
        assertThat(ids("clinicId=" + mumbai)).containsExactly(kavya, arjun);
        assertThat(ids("language=ml")).containsExactly(kavya);
        assertThat(ids("mode=telehealth")).containsExactly(kavya, meera);
        assertThat(ids("minFee=600&maxFee=1000")).containsExactly(meera);
        assertThat(ids("date=" + tomorrow)).containsExactly(kavya);
        assertThat(ids("q=meera")).containsExactly(meera);
        assertThat(ids("q=rao arjun")).containsExactly(arjun);
        assertThat(ids("specialty=cardiology&city=mumbai&mode=telehealth&maxFee=1500")).containsExactly(kavya);
    }

    @Test
    @Order(0)
    void resultsAreOrderedAsAskedAndPaged() {
        assertThat(ids("sort=name")).containsExactly(arjun, kavya, meera);
        assertThat(ids("sort=fee")).containsExactly(arjun, meera, kavya);
        // a name that starts with the text beats one with a word that does, which beats any other match,
        // whatever their availability; equal matches go by availability
        assertThat(ids("q=m")).containsExactly(meera, kavya, arjun);
        assertThat(ids("q=card")).containsExactly(kavya, meera);
        String second = search(tenant + ".localhost", "size=2&page=2");
        assertThat(JsonPath.<List<String>>read(second, "$.data.items[*].doctorId")).containsExactly(arjun);
        assertThat((Integer) JsonPath.read(second, "$.data.total")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(second, "$.data.page")).isEqualTo(2);
        assertThat(JsonPath.<String>read(search(tenant + ".localhost", "q=kavya"), "$.data.items[0].nextAvailable"))
                .isEqualTo(at(tomorrow, 10).toString());
    }

    @Test
    @Order(0)
    void aProfileShowsTheNextSlotsAndTheCalendarCountsEachDay() {
        String profile = new String(client.get().uri("/api/doctors/{id}", kavya)
                .header(HttpHeaders.HOST, tenant + ".localhost").exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody(), StandardCharsets.UTF_8);
        assertThat(JsonPath.<String>read(profile, "$.data.doctorId")).isEqualTo(kavya);
        assertThat(JsonPath.<List<String>>read(profile, "$.data.nextSlots[*].slotId")).containsExactly(kavyasSlot);
        String calendar = new String(client.get().uri("/api/doctors/{id}/calendar?from={from}&to={to}", kavya, tomorrow,
                        tomorrow.plusDays(1)).header(HttpHeaders.HOST, tenant + ".localhost").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<Integer>>read(calendar, "$.data[*].open")).containsExactly(1, 0);
        assertThat(JsonPath.<List<String>>read(calendar, "$.data[*].date"))
                .containsExactly(tomorrow.toString(), tomorrow.plusDays(1).toString());
        client.get().uri("/api/doctors/{id}/calendar?from={from}&to={to}", kavya, tomorrow, tomorrow.minusDays(1))
                .header(HttpHeaders.HOST, tenant + ".localhost").exchange().expectStatus().isBadRequest();
        client.get().uri("/api/doctors/{id}/calendar?from={from}&to={to}", kavya, tomorrow, tomorrow)
                .header(HttpHeaders.HOST, "another-" + tenant + ".localhost").exchange().expectStatus().isNotFound();
    }

    @Test
    @Order(0)
    void aTenantsHostShowsOnlyItsDoctorsThePlatformsHostEveryTenants() {
        assertThat(JsonPath.<List<String>>read(search("localhost", "clinicId=" + pune), "$.data.items[*].doctorId"))
                .containsExactly(meera);
        assertThat(JsonPath.<List<String>>read(search("another-" + tenant + ".localhost", "clinicId=" + pune),
                "$.data.items[*].doctorId")).isEmpty();
    }

    @Test
    @Order(0)
    void badQueriesAreRefusedWithTheParameterNamed() {
        for (Map.Entry<String, String> bad : Map.of("size=0", "size", "size=51", "size", "page=0", "page",
                "sort=best", "sort", "mode=walking", "mode", "minFee=-1", "minFee", "minFee=900&maxFee=100", "maxFee",
                "date=tomorrow", "date").entrySet()) {
            client.get().uri("/api/doctors?" + bad.getKey()).header(HttpHeaders.HOST, tenant + ".localhost").exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.error.details[0].field").isEqualTo(bad.getValue());
        }
    }

    /** Verifies a fourth doctor: runs after the tests that count three. */
    @Test
    @Order(1)
    void answersAreCachedUntilAnEventChangesThem() {
        String query = "specialty=cardiology&sort=name";
        assertThat(ids(query)).containsExactly(kavya, meera);
        String key = "cache:doctors:list:" + tenant + ":specialty=cardiology&sort=NAME&page=1&size=20";
        assertThat(redis.hasKey(key).block()).isTrue();

        send(new VerifyDoctor(unverified));

        await().atMost(READ_SIDE_LAG).until(() -> !redis.hasKey(key).block());
        await().atMost(READ_SIDE_LAG).untilAsserted(() -> assertThat(ids(query)).containsExactly(kavya, meera, unverified));
    }

    /** Books Kavya's only slot: runs last. */
    @Test
    @Order(2)
    void aBookingThatTakesADoctorsLastSlotMovesThemDown() {
        WebTestClient patient = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(
                new Caller("patient-" + UUID.randomUUID(), "p@example.test", Role.PATIENT, Caller.PLATFORM_TENANT, null))).build();
        patient.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", kavyasSlot, "mode", "telehealth")).exchange().expectStatus().isCreated();

        await().atMost(READ_SIDE_LAG).untilAsserted(() -> assertThat(ids("clinicId=" + mumbai)).containsExactly(arjun, kavya));
        assertThat(ids("date=" + tomorrow)).isEmpty();
    }

    private List<String> ids(String query) {
        return JsonPath.read(search(tenant + ".localhost", query), "$.data.items[*].doctorId");
    }

    private String search(String host, String query) {
        return new String(client.get().uri("/api/doctors?" + query).header(HttpHeaders.HOST, host).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
    }

    private void onboard(String doctorId, String name, String specialization, List<String> languages,
                         Set<ConsultationMode> modes, String clinicId, int fee) {
        send(new OnboardDoctor(doctorId, tenant, name, specialization, languages, modes, List.of(clinicId),
                BigDecimal.valueOf(fee), "INR"));
    }

    private void send(Object command) {
        commands.send(command).block(Duration.ofSeconds(10));
    }

    private static java.time.Instant at(LocalDate date, int hour) {
        return date.atTime(LocalTime.of(hour, 0)).atZone(KOLKATA).toInstant();
    }

    private static String doctorId(String name) {
        return "dr-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
