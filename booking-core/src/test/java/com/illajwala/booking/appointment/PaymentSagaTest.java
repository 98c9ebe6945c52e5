package com.illajwala.booking.appointment;

import com.illajwala.booking.appointment.AppointmentCommands.ExpireUnpaid;
import com.illajwala.events.AppointmentStatus;
import com.illajwala.events.ConsultationMode;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.events.appointment.AppointmentConfirmed;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

class PaymentSagaTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private SagaTestFixture<PaymentSaga> fixture;
    private Instant start;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PaymentSaga.class);
        fixture.registerResource(new PaymentPolicy(WINDOW));
        fixture.registerCommandGateway(CommandGateway.class);
        start = fixture.currentTime().plus(Duration.ofDays(2));
    }

    private AppointmentBooked booked(AppointmentStatus status) {
        return new AppointmentBooked("appt-1", "apollo", "slot-1", "dr-1", "clinic-1", "patient-1", null, start,
                start.plus(Duration.ofMinutes(30)), "Asia/Kolkata", ConsultationMode.CLINIC, status);
    }

    @Test
    void aPendingBookingHasAPaymentWindow() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(booked(AppointmentStatus.PENDING))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(fixture.currentTime().plus(WINDOW), PaymentSaga.PAYMENT_WINDOW);
    }

    @Test
    void anUnpaidBookingExpiresWhenTheWindowPasses() {
        fixture.givenAPublished(booked(AppointmentStatus.PENDING))
                .whenTimeElapses(WINDOW)
                .expectDispatchedCommands(new ExpireUnpaid("appt-1"));
    }

    @Test
    void aPaymentInTimeEndsTheWindow() {
        fixture.givenAPublished(booked(AppointmentStatus.PENDING))
                .whenPublishingA(new AppointmentConfirmed("appt-1", "apollo", "patient-1", "dr-1", "clinic-1", start, "Asia/Kolkata",
                        "pay_1"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aBookingPaidAtTheClinicNeedsNoWindow() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(booked(AppointmentStatus.CONFIRMED))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
