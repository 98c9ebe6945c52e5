package com.illajwala.platform;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.illajwala.booking.BookingFixtures;
import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.Topic;
import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.infrastructure.EmbeddedKafkaBroker;
import com.illajwala.infrastructure.EmbeddedMongo;
import com.illajwala.infrastructure.EmbeddedRedis;
import com.illajwala.infrastructure.InfrastructureResolver;
import com.illajwala.kafka.CloudEventCodec;
import com.illajwala.kafka.TopicReader;
import com.illajwala.projections.appointment.AppointmentView;
import com.illajwala.projections.slot.SlotView;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing committed is lost when a part of the infrastructure fails under load: bookings go on while
 * the Kafka broker restarts, while MongoDB is down and while Redis is down; afterwards every booking
 * answered 201 is in the event store once, on Kafka, in the read models once in effect (the
 * appointment confirmed, its slot with one seat taken), and its confirmation email was sent exactly
 * once. No request got a 5xx outside the outage. With Redis away, holds and rate-limited routes still
 * answer (the limiter fails open, the hold's Redis lock is only a courtesy to other services) and
 * search answers from the in-memory directory.
 *
 * <p>The services keep their data across the outage as real ones do: the context runs with a data
 * directory (MongoDB on its file store), and Redis is a server of this test's own that it stops.
 * The SMS provider's outage is {@code NotificationsIT}'s; the platform killed mid-load and started
 * again over its data is {@code CrashIT}'s (SIGKILL) and {@code RestartIT}'s (an orderly stop).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FaultsIT {

    private static final int BOOKINGS = 400;
    private static final Duration PACE = Duration.ofMillis(25);
    /** After the service is back, the time a client's reconnection may take before it answers again. */
    private static final Duration RECOVERY = Duration.ofSeconds(10);

    static final Path dataDir = temporaryDirectory();
    static final EmbeddedRedis redis = EmbeddedRedis.start();
    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        smtp.start();
        registry.add("illajwala.infrastructure.data-dir", dataDir::toString);
        registry.add("illajwala.infrastructure.redis-url", () -> "redis://127.0.0.1:" + redis.port());
        registry.add("illajwala.notifications.email.host", () -> "127.0.0.1");
        registry.add("illajwala.notifications.email.port", () -> smtp.getSmtp().getPort());
        registry.add("illajwala.notifications.retry.first-backoff", () -> "300ms");
        registry.add("illajwala.notifications.retry.max-backoff", () -> "2s");
    }

    @AfterAll
    static void stopServices() {
        smtp.stop();
        redis.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    InfrastructureResolver resolver;
    @Autowired
    ApplicationContext context;
    @Autowired
    AccessTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    KafkaConnectionDetails kafka;

    @Test
    void aKafkaBrokerRestartDuringBookingsLosesNothing() {
        EmbeddedKafkaBroker broker = resolver.embeddedKafka();
        bookThrough(new Outage("Kafka broker restart", broker::stop, broker::start, () -> { }));
    }

    @Test
    void aMongoDbOutageDuringBookingsLosesNothing() {
        EmbeddedMongo server = resolver.embeddedMongo();
        bookThrough(new Outage("MongoDB outage", server::stop, server::start, () -> { }));
    }

    @Test
    void aRedisOutageDuringBookingsLosesNothingAndHoldsRateLimitsAndSearchStillAnswer() {
        String spareSlot = slotsOfNewDoctor(1).get(0);
        Patient holder = patient();
        bookThrough(new Outage("Redis outage", redis::stop, redis::restart, () -> {
            as(holder).post().uri("/api/slots/{id}/hold", spareSlot).exchange()
                    .expectStatus().isCreated();
            as(holder).get().uri("/api/doctors?q=general").exchange().expectStatus().isOk();
        }));
    }

    /** A failure of one service and its end; {@code during} is what must still work meanwhile. */
    record Outage(String name, Runnable begin, Runnable end, Runnable during) {
    }

    /** One booking request's answer, and when it came. */
    record Answer(String slotId, int status, String appointmentId, Instant at) {
    }

    private void bookThrough(Outage outage) {
        List<String> slots = slotsOfNewDoctor(BOOKINGS);
        List<Patient> patients = IntStream.range(0, 12).mapToObj(i -> patient()).toList();
        List<Answer> answers = new CopyOnWriteArrayList<>();
        WebClient http = WebClient.builder().baseUrl("http://localhost:" + port).build();
        Flux.range(0, BOOKINGS)
                .delayElements(PACE)
                .flatMap(i -> book(http, patients.get(i % patients.size()), slots.get(i)), 16)
                .subscribe(answers::add);

        await().atMost(Duration.ofSeconds(60)).until(() -> answers.size() >= BOOKINGS / 4);
        Instant began = Instant.now();
        outage.begin().run();
        Instant ended;
        try {
            outage.during().run();
            // bookings go on while the service is away: half of them are answered meanwhile (about 5 s)
            await().atMost(Duration.ofSeconds(60)).until(() -> answers.size() >= BOOKINGS * 3 / 4);
        } finally {
            outage.end().run();
            ended = Instant.now();
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> answers.size() == BOOKINGS);

        Instant lastTolerated = ended.plus(RECOVERY);
        assertThat(answers).as("%s: every answer a booking, or a 5xx while the service was away", outage.name())
                .allSatisfy(answer -> {
                    if (answer.status() != 201) {
                        assertThat(answer.status()).isGreaterThanOrEqualTo(500);
                        assertThat(answer.at()).isBetween(began, lastTolerated);
                    }
                });
        List<Answer> booked = answers.stream().filter(answer -> answer.status() == 201).toList();
        System.out.printf("%s of %d ms: %d bookings answered 201, %d 5xx%n", outage.name(),
                Duration.between(began, ended).toMillis(), booked.size(), answers.size() - booked.size());
        assertThat(booked).as("bookings answered 201").hasSizeGreaterThan(BOOKINGS / 2);
        Set<String> appointments = booked.stream().map(Answer::appointmentId).collect(Collectors.toSet());

        assertThat(countInStore(appointments)).as("each booking once in the event store").isEqualTo(appointments.size());
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(bookedOnKafka(appointments))
                .as("each booking on Kafka").isEqualTo(appointments));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (Answer answer : booked) {
                AppointmentView appointment = mongo.findById(answer.appointmentId(), AppointmentView.class, AppointmentView.COLLECTION).block();
                assertThat(appointment).isNotNull();
                assertThat(appointment.status()).isEqualTo(AppointmentStatus.CONFIRMED);
                SlotView slot = mongo.findById(answer.slotId(), SlotView.class, SlotView.COLLECTION).block();
                assertThat(slot).isNotNull();
                assertThat(slot.seatsBooked()).as("seats of %s", answer.slotId()).isEqualTo(1);
            }
        });
        Set<String> recipients = patients.stream().map(Patient::email).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(120)).until(() -> emailsTo(recipients) >= appointments.size());
        assertThat(sentConfirmations(appointments)).as("one confirmation sent per booking").isEqualTo(appointments.size());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> emailsTo(recipients) == appointments.size());
    }

    private Mono<Answer> book(WebClient http, Patient patient, String slotId) {
        return http.post().uri("/api/appointments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(patient.caller()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId))
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("{}")
                        .map(body -> new Answer(slotId, response.statusCode().value(),
                                response.statusCode().value() == 201 ? JsonPath.read(body, "$.data.appointmentId") : null,
                                Instant.now())))
                .timeout(Duration.ofSeconds(30))
                // no answer at all counts as a server failure at the moment it was given up
                .onErrorResume(failure -> Mono.fromSupplier(() -> new Answer(slotId, 599, null, Instant.now())));
    }

    private List<String> slotsOfNewDoctor(int count) {
        BookingFixtures fixtures = new BookingFixtures(context);
        String doctorId = "doctor-" + UUID.randomUUID();
        fixtures.verifiedDoctor("apollo", doctorId);
        Instant first = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        return IntStream.range(0, count)
                .mapToObj(i -> fixtures.slot("apollo", doctorId, first.plus(Duration.ofMinutes(30L * i)), 1,
                        BookingFixtures.IN_CLINIC_OR_TELEHEALTH).slotId())
                .toList();
    }

    private long countInStore(Set<String> appointments) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ? "
                        + "AND aggregate_identifier = ANY (?)", Long.class,
                "com.illajwala.events.appointment.AppointmentBooked", appointments.toArray(String[]::new));
    }

    private Set<String> bookedOnKafka(Set<String> appointments) {
        return TopicReader.readAll(String.join(",", kafka.getBootstrapServers()), Topic.APPOINTMENT.topicName()).stream()
                .filter(record -> appointments.contains(record.key()))
                .filter(record -> "com.illajwala.appointment.booked.v1".equals(
                        new String(record.headers().lastHeader(CloudEventCodec.TYPE).value(), StandardCharsets.UTF_8)))
                .map(record -> record.key())
                .collect(Collectors.toSet());
    }

    private long sentConfirmations(Set<String> appointments) {
        return jdbc.queryForObject("SELECT count(*) FROM notification WHERE channel = 'email' AND status = 'sent' "
                        + "AND kind = 'appointment_confirmed' AND subject_id = ANY (?)", Long.class,
                (Object) appointments.toArray(String[]::new));
    }

    private static long emailsTo(Set<String> recipients) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return recipients.contains(((InternetAddress) message.getAllRecipients()[0]).getAddress());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    /** A patient with an account and email notifications. */
    record Patient(String id, String email, Caller caller) {
    }

    private Patient patient() {
        String id = "patient-" + UUID.randomUUID();
        String email = id + "@example.test";
        TestPatients.register(mongo, id, "Patient " + id.substring(8, 16), email, null, "en", "email");
        return new Patient(id, email, new Caller(id, email, Role.PATIENT, Caller.PLATFORM_TENANT, null));
    }

    private org.springframework.test.web.reactive.server.WebTestClient as(Patient patient) {
        return org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(patient.caller())).build();
    }

    private static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("illajwala-faults");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
