package com.illajwala.booking.payment;

import com.illajwala.booking.BookingFixtures;
import com.illajwala.booking.appointment.AppointmentCommands;
import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.web.access.Caller;
import com.illajwala.web.access.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Online payment against a local stand-in for Razorpay: a pending booking blocks its seat, the
 * signed webhook confirms it once, a bad signature changes nothing, an unpaid booking expires and
 * frees its seat, and a payment racing the expiry never leaves two patients in one seat or a seat lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentIT {

    private static final RazorpayStub RAZORPAY = new RazorpayStub();

    @DynamicPropertySource
    static void razorpay(DynamicPropertyRegistry registry) {
        RAZORPAY.register(registry, "3s");
    }

    @AfterAll
    static void stop() {
        RAZORPAY.close();
    }

    @Autowired
    WebTestClient client;
    @Autowired
    AccessTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void aPendingOnlineBookingBlocksItsSeatUntilTheSignedWebhookConfirmsItOnce() {
        String slotId = slot();
        String body = bookOnline(patient("patient-pay-1"), slotId);
        String appointmentId = JsonPath.read(body, "$.data.appointmentId");
        assertThat((String) JsonPath.read(body, "$.data.status")).isEqualTo("pending");
        assertThat((String) JsonPath.read(body, "$.data.payment.orderId")).startsWith("order_");
        assertThat((Integer) JsonPath.read(body, "$.data.payment.amountMinor")).isEqualTo(50_000);

        book(patient("patient-pay-2"), slotId, "at_clinic").expectStatus().isEqualTo(409);

        long before = totalEvents();
        String captured = RazorpayStub.captured(appointmentId, "pay_" + UUID.randomUUID(), 50_000);
        webhook(captured, "0".repeat(64)).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("invalid_signature");
        webhook(captured, null).expectStatus().isUnauthorized();
        assertThat(totalEvents()).isEqualTo(before);

        webhook(captured, RazorpayStub.sign(captured)).expectStatus().isOk();
        webhook(captured, RazorpayStub.sign(captured)).expectStatus().isOk();
        assertThat(events(appointmentId, "AppointmentConfirmed")).isEqualTo(1);
        // paid in time: the window passing changes nothing
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> events(appointmentId, "AppointmentCancelled") == 0);
    }

    @Test
    void anUnpaidBookingExpiresAndItsSeatIsFreeAgain() {
        String slotId = slot();
        String appointmentId = JsonPath.read(bookOnline(patient("patient-slow-" + UUID.randomUUID()), slotId),
                "$.data.appointmentId");
        await().atMost(Duration.ofSeconds(30)).until(() -> events(appointmentId, "AppointmentCancelled") == 1);
        book(patient("patient-next-" + UUID.randomUUID()), slotId, "at_clinic").expectStatus().isCreated();
    }

    @Test
    void aPaymentRacingTheExpiryNeverDoublesOrLosesTheSeat() {
        CommandDispatcher commands = context.getBean(CommandDispatcher.class);
        for (int round = 0; round < 10; round++) {
            String slotId = slot();
            String appointmentId = JsonPath.read(bookOnline(patient("patient-race-" + UUID.randomUUID()), slotId),
                    "$.data.appointmentId");
            String captured = RazorpayStub.captured(appointmentId, "pay_" + UUID.randomUUID(), 50_000);
            // the webhook and the window's end arrive together
            Flux.merge(
                            Mono.fromRunnable(() -> webhook(captured, RazorpayStub.sign(captured)).expectStatus().isOk())
                                    .subscribeOn(Schedulers.boundedElastic()),
                            commands.send(new AppointmentCommands.ExpireUnpaid(appointmentId)))
                    .then().block(Duration.ofSeconds(30));

            long confirmed = events(appointmentId, "AppointmentConfirmed");
            long cancelled = events(appointmentId, "AppointmentCancelled");
            long released = events(slotId, "SlotSeatReleased");
            long refundable = events(appointmentId, "LatePaymentReceived");
            assertThat(confirmed + cancelled).isEqualTo(1);
            assertThat(released).isEqualTo(cancelled);
            assertThat(refundable).isEqualTo(cancelled);
            if (cancelled == 1) {
                await().atMost(Duration.ofSeconds(30)).until(() -> events(appointmentId, "AppointmentRefunded") == 1);
            }
        }
    }

    @Test
    void aPaidAppointmentCancelledWithinPolicyIsRefundedOnce() {
        WebTestClient patient = patient("patient-refund-" + UUID.randomUUID());
        String appointmentId = JsonPath.read(bookOnline(patient, slot()), "$.data.appointmentId");
        String paymentId = "pay_" + UUID.randomUUID();
        String captured = RazorpayStub.captured(appointmentId, paymentId, 50_000);
        webhook(captured, RazorpayStub.sign(captured)).expectStatus().isOk();
        patient.post().uri("/api/appointments/{id}/cancel", appointmentId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "patient_request")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.refundedPaymentId").isEqualTo(paymentId);

        await().atMost(Duration.ofSeconds(30)).until(() -> events(appointmentId, "AppointmentRefunded") == 1);
        assertThat(RAZORPAY.refunds()).containsKey(paymentId);
        webhook(captured, RazorpayStub.sign(captured)).expectStatus().isOk();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> events(appointmentId, "AppointmentRefunded") == 1);
    }

    @Test
    void aProviderThatCannotTakeTheOrderLeavesNothingBooked() {
        String slotId = slot();
        RAZORPAY.failOrders(true);
        try {
            book(patient("patient-fail-" + UUID.randomUUID()), slotId, "online").expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.error.code").isEqualTo("payment_unavailable");
        } finally {
            RAZORPAY.failOrders(false);
        }
        book(patient("patient-after-" + UUID.randomUUID()), slotId, "at_clinic").expectStatus().isCreated();
    }

    private String slot() {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES)
                .plusSeconds(UUID.randomUUID().hashCode() & 0xffff);
        return new BookingFixtures(context).slotOfNewDoctor("apollo", "doctor-" + UUID.randomUUID(), start, 1,
                BookingFixtures.IN_CLINIC_OR_TELEHEALTH).slotId();
    }

    private WebTestClient patient(String patientId) {
        return client.mutate().responseTimeout(Duration.ofSeconds(20)).defaultHeader(HttpHeaders.AUTHORIZATION,
                "Bearer " + tokens.issue(new Caller(patientId, patientId + "@example.test", Role.PATIENT,
                        Caller.PLATFORM_TENANT, null))).build();
    }

    private WebTestClient.ResponseSpec book(WebTestClient patient, String slotId, String payment) {
        return patient.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("slotId", slotId, "payment", payment)).exchange();
    }

    private String bookOnline(WebTestClient patient, String slotId) {
        return new String(book(patient, slotId, "online").expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
    }

    private WebTestClient.ResponseSpec webhook(String body, String signature) {
        WebTestClient.RequestBodySpec request = client.post().uri("/api/payments/webhook").contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request = request.header("X-Razorpay-Signature", signature);
        }
        return request.bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    /** Events of one aggregate (slot or appointment) whose payload class is {@code type}. */
    private long events(String aggregateId, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE ?", Long.class, aggregateId, "%." + type);
    }

    private long totalEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
