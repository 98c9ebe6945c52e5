package com.illajwala.booking.payment;

import reactor.core.publisher.Mono;

/** The payment provider: orders for online payments, and the authenticity of its webhooks. */
public interface PaymentGateway {

    /** An order the patient pays in the provider's checkout. */
    record PaymentOrder(String orderId, long amountMinor, String currency) {
    }

    /** @param appointmentId travels with the order and comes back in the webhook */
    Mono<PaymentOrder> createOrder(String appointmentId, long amountMinor, String currency);

    /**
     * Refunds the payment in full, once: if the provider already holds a refund of it (a retry after
     * a crash), that refund's id is answered and no second one is made.
     */
    Mono<String> refundOnce(String paymentId);

    /** Whether the webhook body was signed by the provider with our shared secret. */
    boolean isAuthentic(byte[] body, String signature);

    /** The public key id the checkout widget needs. */
    String publicKeyId();
}
