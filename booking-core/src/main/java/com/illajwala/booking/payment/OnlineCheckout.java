package com.illajwala.booking.payment;

import com.illajwala.booking.appointment.AppointmentCommands.ExpireUnpaid;
import com.illajwala.booking.appointment.AppointmentCommands.RequestPayment;
import com.illajwala.booking.doctor.BookingDirectory;
import com.illajwala.eventstore.command.CommandDispatcher;
import com.illajwala.events.appointment.AppointmentBooked;
import com.illajwala.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns a pending booking into a payment order at the doctor's fee. If the provider cannot take
 * the order, the booking is cancelled at once and its seat released: a failed checkout never
 * keeps a seat.
 */
@Component
public class OnlineCheckout {

    /** What the patient's browser needs to open the provider's checkout. */
    public record PaymentView(String provider, String keyId, String orderId, long amountMinor, String currency) {
    }

    private static final Logger log = LoggerFactory.getLogger(OnlineCheckout.class);

    private final ObjectProvider<PaymentGateway> gateway;
    private final BookingDirectory directory;
    private final CommandDispatcher commands;

    public OnlineCheckout(ObjectProvider<PaymentGateway> gateway, BookingDirectory directory, CommandDispatcher commands) {
        this.gateway = gateway;
        this.directory = directory;
        this.commands = commands;
    }

    public boolean isAvailable() {
        return gateway.getIfAvailable() != null;
    }

    public Mono<PaymentView> start(AppointmentBooked booked) {
        PaymentGateway provider = gateway.getObject();
        return Mono.fromCallable(() -> directory.feeOf(booked.doctorId()).orElseThrow(() -> new IllegalStateException(
                        "No fee known for doctor " + booked.doctorId())))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(fee -> provider.createOrder(booked.appointmentId(), fee.amountMinor(), fee.currency()))
                .flatMap(order -> commands.send(new RequestPayment(booked.appointmentId(), order.orderId(),
                                order.amountMinor(), order.currency()))
                        .thenReturn(new PaymentView("razorpay", provider.publicKeyId(), order.orderId(),
                                order.amountMinor(), order.currency())))
                .doOnError(failure -> log.warn("Checkout of appointment {} failed; cancelling it", booked.appointmentId(), failure))
                .onErrorResume(failure -> commands.send(new ExpireUnpaid(booked.appointmentId()))
                        .then(Mono.error(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "payment_unavailable",
                                "The payment provider could not take the order; nothing was booked", null))));
    }
}
