package com.illajwala.booking.payment;

import com.illajwala.booking.appointment.AppointmentCommands.RecordRefund;
import com.illajwala.events.appointment.AppointmentCancelled;
import com.illajwala.events.appointment.LatePaymentReceived;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Refunds online payments: of paid appointments that were cancelled, and of payments that arrived
 * after their appointment's window. A tracking processor over the store, so a refund due is never
 * forgotten: a failure propagates and the processor retries, and the provider call refunds a
 * payment at most once ({@link PaymentGateway#refundOnce}).
 */
@Component
@ProcessingGroup(RefundProcessor.PROCESSING_GROUP)
public class RefundProcessor {

    static final String PROCESSING_GROUP = "refunds";
    private static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectProvider<PaymentGateway> gateway;
    private final CommandGateway commands;

    public RefundProcessor(ObjectProvider<PaymentGateway> gateway, CommandGateway commands) {
        this.gateway = gateway;
        this.commands = commands;
    }

    @EventHandler
    void on(AppointmentCancelled cancelled) {
        if (cancelled.refundedPaymentId() != null) {
            refund(cancelled.appointmentId(), cancelled.refundedPaymentId());
        }
    }

    @EventHandler
    void on(LatePaymentReceived late) {
        refund(late.appointmentId(), late.paymentId());
    }

    private void refund(String appointmentId, String paymentId) {
        String refundId = gateway.getObject().refundOnce(paymentId).block(PROVIDER_TIMEOUT);
        commands.sendAndWait(new RecordRefund(appointmentId, paymentId, refundId));
    }
}
