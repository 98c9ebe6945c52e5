package com.illajwala.platform;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.illajwala.booking.BookingFixtures;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.Topic;
import com.illajwala.events.appointment.AppointmentReminderDue;
import com.illajwala.events.identity.WaitlistPolicy;
import com.illajwala.events.notification.NotificationCapped;
import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.events.notification.NotificationEvent;
import com.illajwala.events.notification.NotificationKind;
import com.illajwala.events.notification.NotificationSent;
import com.illajwala.events.notification.NotificationSkipped;
import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.identity.clinic.ClinicDocument;
import com.illajwala.identity.doctor.DoctorProfileDocument;
import com.illajwala.kafka.CloudEventCodec;
import com.illajwala.kafka.DeadLetters;
import com.illajwala.kafka.EventEnvelope;
import com.illajwala.kafka.EventPublisher;
import com.illajwala.kafka.TopicReader;
import com.illajwala.notifications.CalendarCheck;
import com.illajwala.notifications.ProviderStub;
import com.illajwala.notifications.channel.ChannelSenders;
import com.illajwala.notifications.delivery.Deliveries;
import com.illajwala.notifications.inbound.PlannedNotification;
import com.illajwala.notifications.channel.ResilientSender;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import com.jayway.jsonpath.JsonPath;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications through the whole platform: bookings on the real routes, events through the outbox
 * and Kafka, delivery rows in PostgreSQL, email to an embedded SMTP server (GreenMail) and SMS and
 * WhatsApp to a local stub of their providers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability // the Prometheus endpoint the operations dashboard reads
@ActiveProfiles("test")
class NotificationsIT {

    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final ProviderStub providers = new ProviderStub();
    static final String CLINIC = "clinic-notify-" + UUID.randomUUID();
    static final String DOCTOR = "doctor-notify-" + UUID.randomUUID();
    static final AtomicLong nextSlot = new AtomicLong();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        smtp.start();
        registry.add("illajwala.notifications.email.host", () -> "127.0.0.1");
        registry.add("illajwala.notifications.email.port", () -> smtp.getSmtp().getPort());
        providers.register(registry);
        registry.add("illajwala.notifications.sms.resilience.breaker-open-for", () -> "1s");
        registry.add("illajwala.notifications.retry.first-backoff", () -> "300ms");
        registry.add("illajwala.notifications.retry.max-backoff", () -> "2s");
        registry.add("illajwala.notifications.daily-cap.whatsapp", () -> "2");
        registry.add("illajwala.public-base-url", () -> "https://illajwala.test");
    }

    @AfterAll
    static void stopProviders() {
        smtp.stop();
        providers.close();
    }

    @Autowired
    WebTestClient client;
    @Autowired
    ApplicationContext context;
    @Autowired
    AccessTokens tokens;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaConnectionDetails kafka;
    @Autowired
    ChannelSenders senders;
    @Autowired
    Deliveries deliveries;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void clinicAndDoctor() {
        if (mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(CLINIC)), ClinicDocument.class).block()) {
            return;
        }
        BookingFixtures fixtures = new BookingFixtures(context);
        fixtures.registeredClinic("apollo", CLINIC, "Asia/Kolkata", 2, WaitlistPolicy.defaults());
        fixtures.verifiedDoctorAt("apollo", DOCTOR, CLINIC);
        mongo.insert(new ClinicDocument(CLINIC, "apollo", "Apollo Koramangala", CLINIC, "Asia/Kolkata",
                new ClinicDocument.Address("1 Main Road", null, "Bengaluru", "KA", "560034", "IN"),
                new ClinicDocument.Contact("+918000000000", "desk@apollo.test"), ClinicDocument.CapacitySettings.defaults(),
                WaitlistPolicy.defaults(), ClinicDocument.BookingPolicy.defaults(), Instant.now())).block();
        mongo.insert(new DoctorProfileDocument(DOCTOR, "apollo", "Dr Anika Mehta", "cardiology", List.of("MBBS"), "KA-1",
                List.of("en", "hi"), java.math.BigDecimal.valueOf(500), "INR", Set.of(ConsultationMode.CLINIC),
                List.of(CLINIC), DoctorProfileDocument.VERIFIED, "reviewed", null, Instant.now())).block();
    }

    @Test
    void aBookingEmailsAValidInvitationInThePatientsLanguage() throws Exception {
        Patient hindi = patient("hi", "email");
        Patient english = patient("en", "email");
        Instant start = nextSlotStart();

        String hindiAppointment = book(hindi, slot(start));
        book(english, slot(nextSlotStart()));

        MimeMessage toHindi = emailTo(hindi, 1).get(0);
        assertThat(toHindi.getSubject()).isEqualTo("Dr Anika Mehta के साथ आपका अपॉइंटमेंट पक्का हो गया है");
        String text = textOf(toHindi);
        assertThat(text).contains("नमस्ते " + hindi.name, "Apollo Koramangala", "(Asia/Kolkata)",
                "https://illajwala.test/appointments/" + hindiAppointment);
        CalendarCheck.ParsedInvite invite = CalendarCheck.parse(calendarOf(toHindi));
        assertThat(invite.method()).isEqualTo("REQUEST");
        assertThat(invite.uid()).isEqualTo(hindiAppointment + "@illajwala.com");
        assertThat(invite.start()).isEqualTo(start);
        assertThat(invite.end()).isEqualTo(start.plus(Duration.ofMinutes(30)));
        assertThat(emailTo(english, 1).get(0).getSubject()).isEqualTo("Your appointment with Dr Anika Mehta is confirmed");

        // the outcome is a public fact on the notification topic: ids, channel, kind — no address, no text
        List<ConsumerRecord<String, byte[]>> outcomes = await().atMost(Duration.ofSeconds(30)).until(
                () -> outcomeRecordsOf(hindi), records -> records.size() == 3);
        Map<NotificationChannel, NotificationEvent> byChannel = outcomes.stream()
                .map(record -> (NotificationEvent) CloudEventCodec.decode(record).orElseThrow().data())
                .collect(Collectors.toMap(NotificationEvent::channel, event -> event));
        assertThat(byChannel.get(NotificationChannel.EMAIL)).isInstanceOfSatisfying(NotificationSent.class, sent -> {
            assertThat(sent.appointmentId()).isEqualTo(hindiAppointment);
            assertThat(sent.kind()).isEqualTo(NotificationKind.APPOINTMENT_CONFIRMED);
            assertThat(sent.tenantId()).isEqualTo("apollo");
        });
        assertThat(byChannel.get(NotificationChannel.SMS)).isInstanceOfSatisfying(NotificationSkipped.class,
                skipped -> assertThat(skipped.reason()).isEqualTo("opted_out"));
        assertThat(outcomes).allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .doesNotContain(hindi.email, hindi.phone, hindi.phone.substring(1), hindi.name, "नमस्ते"));
    }

    @Test
    void anOptedOutChannelGetsNothing() throws Exception {
        Patient emailOnly = patient("en", "email");
        String appointment = book(emailOnly, slot(nextSlotStart()));

        emailTo(emailOnly, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(appointment).size() == 3
                && !statuses(appointment).containsValue("pending"));
        assertThat(statuses(appointment)).containsEntry("email", "sent").containsEntry("sms", "skipped")
                .containsEntry("whatsapp", "skipped");
        assertThat(providers.received()).noneMatch(message -> message.to().endsWith(emailOnly.phone.substring(1)));
    }

    @Test
    void theSameEventDeliveredThreeTimesSendsOneMessagePerChannel() throws Exception {
        Patient everywhere = patient("en", "email", "sms", "whatsapp");
        String appointment = book(everywhere, slot(nextSlotStart()));
        emailTo(everywhere, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(everywhere).size() == 1 && whatsappTo(everywhere).size() == 1);

        // the booking's record twice more, as a redelivery would bring it, then a reminder behind them on its partition
        ConsumerRecord<String, byte[]> booked = TopicReader.readAll(bootstrap(), Topic.APPOINTMENT.topicName()).stream()
                .filter(record -> appointment.equals(record.key())).findFirst().orElseThrow();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int copy = 0; copy < 2; copy++) {
                producer.send(new ProducerRecord<>(booked.topic(), null, booked.key(), booked.value(), booked.headers())).get();
            }
        }
        publishReminder(appointment, everywhere);

        await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(everywhere).size() == 2 && whatsappTo(everywhere).size() == 2
                && emailTo(everywhere).size() == 2);
        assertThat(smsTo(everywhere)).extracting(ProviderStub.Received::body)
                .filteredOn(body -> body.contains("is confirmed")).hasSize(1);
        assertThat(emailTo(everywhere)).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("Your appointment with Dr Anika Mehta is confirmed", "Reminder: Dr Anika Mehta in 24 hours");
        String bookedEventId = new String(booked.headers().lastHeader(CloudEventCodec.ID).value(), StandardCharsets.UTF_8);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification WHERE event_id = ?", Integer.class, bookedEventId))
                .isEqualTo(3);
        assertThat(smsTo(everywhere)).extracting(ProviderStub.Received::reference)
                .contains(bookedEventId + ":sms");
    }

    @Test
    void anSmsOutageOpensTheBreakerWithoutSlowingBookingsAndEveryMessageArrivesOnceItIsOver() {
        Patient bySms = patient("en", "sms");
        providers.answer(ProviderStub.Mode.UNAVAILABLE);
        List<Long> bookingMillis = new ArrayList<>();
        List<String> appointments = new ArrayList<>();
        try {
            for (int booking = 0; booking < 3; booking++) {
                appointments.add(timed(bookingMillis, () -> book(bySms, slot(nextSlotStart()))));
            }
            ResilientSender sms = (ResilientSender) senders.of(NotificationChannel.SMS);
            await().atMost(Duration.ofSeconds(60)).until(() -> sms.breakerState() == CircuitBreaker.State.OPEN);
            for (int booking = 0; booking < 3; booking++) {
                appointments.add(timed(bookingMillis, () -> book(bySms, slot(nextSlotStart()))));
            }
            // messages wait, pending, tried and with later attempts to come — none is dropped (an attempt is
            // recorded after the sender's own retries, so it may land a moment after the breaker opened)
            await().atMost(Duration.ofSeconds(30)).until(() -> appointments.stream()
                    .allMatch(id -> "pending".equals(statuses(id).get("sms")))
                    && jdbc.queryForObject("SELECT max(attempts) FROM notification WHERE channel = 'sms' AND patient_id = ?",
                    Integer.class, bySms.id) > 0);
            assertThat(smsTo(bySms)).isEmpty();
        } finally {
            providers.answer(ProviderStub.Mode.ACCEPT);
        }
        assertThat(bookingMillis).allSatisfy(millis -> assertThat(millis).isLessThan(2_000));

        await().atMost(Duration.ofSeconds(60)).until(() -> appointments.stream().allMatch(id -> "sent".equals(statuses(id).get("sms"))));
        assertThat(smsTo(bySms)).hasSize(appointments.size());
        assertThat(smsTo(bySms)).extracting(ProviderStub.Received::reference).doesNotHaveDuplicates();
        assertThat(smsTo(bySms)).extracting(ProviderStub.Received::body).allSatisfy(body -> assertThat(body).contains("is confirmed"));
    }

    @Test
    void aBacklogOfSeveralBatchesIsWorkedOffAndEveryOutcomeIsRecordedExactlyOnce() {
        // a patient without contact details: each row is decided (skipped) without a provider, so the
        // rounds and the grouped writing of outcomes are all that is measured here
        String patientId = "patient-without-contact-" + UUID.randomUUID();
        int rows = 3 * 50 + 7;
        double skippedBefore = skippedConfirmations();
        Instant start = Instant.now().plus(Duration.ofDays(5));
        for (int i = 0; i < rows; i++) {
            String appointment = "appointment-backlog-" + UUID.randomUUID();
            deliveries.insert(new PlannedNotification(UUID.randomUUID().toString(), NotificationKind.APPOINTMENT_CONFIRMED,
                    appointment, false, "apollo", patientId, appointment, null, DOCTOR, CLINIC, start, start.plus(Duration.ofMinutes(30)),
                    "Asia/Kolkata", Map.of()), List.of(NotificationChannel.EMAIL), Instant.now());
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM notification WHERE patient_id = ? AND status = 'skipped' AND reason = 'no_contact'",
                Integer.class, patientId) == rows);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification WHERE patient_id = ?", Integer.class, patientId))
                .isEqualTo(rows);
        // each outcome was reported decided by its own write, once
        assertThat(skippedConfirmations() - skippedBefore).isEqualTo(rows);
    }

    private double skippedConfirmations() {
        return meters.find("illajwala.notifications").tags("channel", "email", "kind", "appointment_confirmed", "outcome", "skipped")
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    @Test
    void theOperationsDashboardShowsOnlyMetricsThePlatformHas() throws Exception {
        Patient byEmail = patient("en", "email");
        String appointment = book(byEmail, slot(nextSlotStart()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "sent".equals(statuses(appointment).get("email")));
        String dashboard = Files.readString(Path.of("..", "docs", "grafana", "illajwala.json"));
        Set<String> named = Pattern.compile("illajwala_[a-z_]+").matcher(dashboard).results().map(MatchResult::group)
                .collect(Collectors.toSet());
        assertThat(named).contains("illajwala_events_total", "illajwala_commands_seconds_bucket", "illajwala_outbox_backlog_events");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scraped = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            Set<String> exposed = scraped.lines().filter(line -> !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
            assertThat(exposed).containsAll(named);
        });
    }

    @Test
    void whatsAppMessagesStopAtThePatientsDailyCap() {
        Patient byWhatsApp = patient("en", "whatsapp");
        List<String> appointments = List.of(book(byWhatsApp, slot(nextSlotStart())), book(byWhatsApp, slot(nextSlotStart())),
                book(byWhatsApp, slot(nextSlotStart())));

        await().atMost(Duration.ofSeconds(30)).until(() -> appointments.stream()
                .noneMatch(id -> "pending".equals(statuses(id).getOrDefault("whatsapp", "pending"))));
        assertThat(appointments.stream().map(id -> statuses(id).get("whatsapp")))
                .containsExactlyInAnyOrder("sent", "sent", "capped");
        assertThat(whatsappTo(byWhatsApp)).hasSize(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomeRecordsOf(byWhatsApp).stream()
                .map(record -> CloudEventCodec.decode(record).orElseThrow().data())
                .anyMatch(NotificationCapped.class::isInstance));
    }

    @Test
    void aMalformedRecordIsDeadLetteredAndTheNextOneIsStillDelivered() throws Exception {
        Patient patient = patient("en", "email");
        String appointment = book(patient, slot(nextSlotStart()));
        emailTo(patient, 1);

        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topic.APPOINTMENT.topicName(), null, appointment,
                "{\"appointmentId\": [".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(CloudEventCodec.TYPE, "com.illajwala.appointment.reminder-due.v1".getBytes(StandardCharsets.UTF_8))
                .add(CloudEventCodec.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add(CloudEventCodec.TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(poison).get();
        }
        publishReminder(appointment, patient);

        assertThat(emailTo(patient, 2)).extracting(MimeMessage::getSubject).contains("Reminder: Dr Anika Mehta in 24 hours");
        ConsumerRecord<String, byte[]> letter = await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicReader.readAll(bootstrap(), Topic.APPOINTMENT.deadLetterTopicName()).stream()
                        .filter(record -> appointment.equals(record.key())
                                && "notifications".equals(header(record, DeadLetters.GROUP)))
                        .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(letter.value()).isEqualTo(poison.value());
        assertThat(header(letter, DeadLetters.ERROR)).contains("unreadable com.illajwala.appointment.reminder-due.v1");
    }

    @Test
    void aDoctorRunningLateTellsTheDaysPatientsAndOnlyTheirClinicMayAnnounceIt() throws Exception {
        Instant first = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        if (!first.atZone(java.time.ZoneId.of("Asia/Kolkata")).toLocalDate()
                .equals(first.plus(Duration.ofHours(1)).atZone(java.time.ZoneId.of("Asia/Kolkata")).toLocalDate())) {
            first = first.plus(Duration.ofHours(2)); // both appointments on one clinic day
        }
        String date = first.atZone(java.time.ZoneId.of("Asia/Kolkata")).toLocalDate().toString();
        String doctor = "doctor-late-" + UUID.randomUUID();
        new BookingFixtures(context).verifiedDoctorAt("apollo", doctor, CLINIC);
        mongo.insert(new DoctorProfileDocument(doctor, "apollo", "Dr Rahul Iyer", "general medicine", List.of("MBBS"), "KA-2",
                List.of("en"), java.math.BigDecimal.valueOf(400), "INR", Set.of(ConsultationMode.CLINIC), List.of(CLINIC),
                DoctorProfileDocument.VERIFIED, "reviewed", null, Instant.now())).block();
        Patient bySms = patient("en", "sms");
        Patient byEmail = patient("hi", "email");
        String smsAppointment = book(bySms, slotOf(doctor, first));
        String emailAppointment = book(byEmail, slotOf(doctor, first.plus(Duration.ofHours(1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> context.getBean(com.illajwala.booking.schedule.DayAppointments.class)
                .stillToBeSeen(doctor, java.time.LocalDate.parse(date)).size() == 2);
        Map<String, Object> late = Map.of("date", date, "minutes", 25);

        as(new Caller("staff-x", "x@sunrise.test", Role.STAFF, "sunrise", "c-9")).post().uri("/api/doctors/{id}/running-late", doctor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(late).exchange().expectStatus().isNotFound();
        as(new Caller("dr-other", "o@apollo.test", Role.DOCTOR, "apollo", CLINIC)).post().uri("/api/doctors/{id}/running-late", doctor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(late).exchange().expectStatus().isForbidden();
        as(new Caller(bySms.id, bySms.email, Role.PATIENT, Caller.PLATFORM_TENANT, null)).post()
                .uri("/api/doctors/{id}/running-late", doctor).contentType(MediaType.APPLICATION_JSON).bodyValue(late)
                .exchange().expectStatus().isForbidden();
        WebTestClient theDoctor = as(new Caller(doctor, "d@apollo.test", Role.DOCTOR, "apollo", CLINIC));
        theDoctor.mutate().defaultHeader(HttpHeaders.HOST, "sunrise.localhost").build().post()
                .uri("/api/doctors/{id}/running-late", doctor).contentType(MediaType.APPLICATION_JSON).bodyValue(late)
                .exchange().expectStatus().isForbidden();
        theDoctor.post().uri("/api/doctors/{id}/running-late", doctor).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", date, "minutes", 0)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("minutes");
        theDoctor.post().uri("/api/doctors/{id}/running-late", doctor).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("minutes", 10)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("date");
        theDoctor.post().uri("/api/doctors/{id}/running-late", doctor).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", "2020-01-01", "minutes", 10)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("date");

        String answer = new String(theDoctor.post().uri("/api/doctors/{id}/running-late", doctor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(late).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(answer, "$.data.appointmentIds")).containsExactly(smsAppointment, emailAppointment);
        assertThat(JsonPath.<Boolean>read(answer, "$.data.announced")).isTrue();
        // the desk announcing the same lateness again tells nobody twice
        as(new Caller("staff-" + UUID.randomUUID(), "desk@apollo.test", Role.STAFF, "apollo", CLINIC)).post()
                .uri("/api/doctors/{id}/running-late", doctor).contentType(MediaType.APPLICATION_JSON).bodyValue(late)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.data.announced").isEqualTo(false);

        await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(bySms).stream().anyMatch(sms -> sms.body().contains("25 minutes late")));
        await().atMost(Duration.ofSeconds(30)).until(() -> emailTo(byEmail).stream().anyMatch(mail -> subject(mail).contains("25 मिनट")));
        assertThat(smsTo(bySms)).filteredOn(sms -> sms.body().contains("late")).hasSize(1);
        assertThat(TopicReader.readAll(bootstrap(), Topic.SCHEDULE.topicName())).anySatisfy(record ->
                assertThat(record.key()).isEqualTo(doctor + ":" + date));
    }

    // --- fixtures ---

    /** A patient account with contact details and notification preferences, in identity's documents. */
    record Patient(String id, String name, String email, String phone) {
    }

    private Patient patient(String language, String... channels) {
        String id = "patient-" + UUID.randomUUID();
        String phone = "+91" + (9_000_000_000L + Math.floorMod(id.hashCode(), 999_999_999L));
        Patient patient = new Patient(id, "Patient " + id.substring(8, 16), id + "@example.test", phone);
        TestPatients.register(mongo, id, patient.name, patient.email, phone, language, channels);
        return patient;
    }

    private static Instant nextSlotStart() {
        return Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS)
                .plus(Duration.ofMinutes(30 * nextSlot.incrementAndGet()));
    }

    private String slot(Instant start) {
        return slotOf(DOCTOR, start);
    }

    private String slotOf(String doctor, Instant start) {
        return new BookingFixtures(context).slotAt("apollo", doctor, CLINIC, start, 1, BookingFixtures.IN_CLINIC_OR_TELEHEALTH)
                .slotId();
    }

    private String book(Patient patient, String slotId) {
        WebTestClient caller = as(new Caller(patient.id, patient.email, Role.PATIENT, Caller.PLATFORM_TENANT, null));
        return JsonPath.read(new String(caller.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId)).exchange().expectStatus().isCreated().expectBody().returnResult()
                .getResponseBody(), StandardCharsets.UTF_8), "$.data.appointmentId");
    }

    private static String timed(List<Long> millis, java.util.function.Supplier<String> booking) {
        long start = System.nanoTime();
        String appointment = booking.get();
        millis.add((System.nanoTime() - start) / 1_000_000);
        return appointment;
    }

    /** Patients on the platform's host, the clinic's people on their tenant's. */
    private WebTestClient as(Caller caller) {
        WebTestClient.Builder builder = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(caller));
        if (!caller.isPatient()) {
            builder.defaultHeader(HttpHeaders.HOST, caller.tenantId() + ".localhost");
        }
        return builder.build();
    }

    /** A reminder for the appointment, published as booking-core's reminder saga would. */
    private void publishReminder(String appointmentId, Patient patient) {
        Instant start = jdbc.queryForObject("SELECT starts_at FROM notification_appointment WHERE appointment_id = ?",
                java.sql.Timestamp.class, appointmentId).toInstant();
        try (EventPublisher publisher = new EventPublisher(bootstrap(), "notifications-it")) {
            publisher.publish(List.of(new EventEnvelope(UUID.randomUUID().toString(), Instant.now(), 99,
                    new AppointmentReminderDue(appointmentId, "apollo", patient.id, DOCTOR, CLINIC, start, "Asia/Kolkata",
                            Duration.ofHours(24))))).block(Duration.ofSeconds(30));
        }
    }

    private Map<String, String> statuses(String subjectId) {
        return jdbc.query("SELECT channel, status FROM notification WHERE subject_id = ? AND kind = 'appointment_confirmed'",
                        (row, index) -> Map.entry(row.getString(1), row.getString(2)), subjectId).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private List<MimeMessage> emailTo(Patient patient, int atLeast) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> emailTo(patient), messages -> messages.size() >= atLeast);
    }

    private static List<MimeMessage> emailTo(Patient patient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().contains(patient.email);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ProviderStub.Received> smsTo(Patient patient) {
        return providers.received("sms").stream().filter(message -> patient.phone.equals(message.to())).toList();
    }

    private static List<ProviderStub.Received> whatsappTo(Patient patient) {
        return providers.received("whatsapp").stream().filter(message -> patient.phone.substring(1).equals(message.to())).toList();
    }

    private List<ConsumerRecord<String, byte[]>> outcomeRecordsOf(Patient patient) {
        return TopicReader.readAll(bootstrap(), Topic.NOTIFICATION.topicName()).stream()
                .filter(record -> new String(record.value(), StandardCharsets.UTF_8).contains("\"" + patient.id + "\""))
                .toList();
    }

    private static String textOf(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int index = 0; index < parts.getCount(); index++) {
            BodyPart part = parts.getBodyPart(index);
            if (part.getContent() instanceof Multipart inner) {
                return (String) inner.getBodyPart(0).getContent();
            }
            if (part.getContentType().startsWith("text/plain")) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("No text in the message");
    }

    private static String calendarOf(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int index = 0; index < parts.getCount(); index++) {
            BodyPart part = parts.getBodyPart(index);
            if (part.getContentType().startsWith("text/calendar")) {
                return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No calendar attached");
    }

    private String bootstrap() {
        return String.join(",", kafka.getBootstrapServers());
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
