package com.illajwala.booking.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * Razorpay's Orders API ({@code POST /v1/orders}, HTTP basic auth with the key id and secret), its
 * refunds ({@code GET} then {@code POST /v1/payments/{id}/refund(s)}) and its webhook signature: {@code X-Razorpay-Signature} is the hex HMAC-SHA256 of the raw body with
 * the webhook secret.
 */
public final class RazorpayGateway implements PaymentGateway {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebClient client;
    private final String keyId;
    private final SecretKeySpec webhookKey;

    public RazorpayGateway(WebClient.Builder builder, String baseUrl, String keyId, String keySecret, String webhookSecret) {
        this.client = builder.clone().baseUrl(baseUrl)
                .defaultHeaders(headers -> headers.setBasicAuth(keyId, keySecret))
                .build();
        this.keyId = keyId;
        this.webhookKey = new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The part of Razorpay's order answer we use; the provider adds fields as it likes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderAnswer(String id, long amount, String currency) {
    }

    @Override
    public Mono<PaymentOrder> createOrder(String appointmentId, long amountMinor, String currency) {
        return client.post().uri("/v1/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("amount", amountMinor, "currency", currency, "receipt", appointmentId,
                        "notes", Map.of("appointment_id", appointmentId)))
                .retrieve()
                .bodyToMono(OrderAnswer.class)
                .timeout(TIMEOUT)
                .map(order -> new PaymentOrder(order.id(), order.amount(), order.currency()));
    }

    /** Razorpay's list of a payment's refunds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Refunds(java.util.List<RefundAnswer> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RefundAnswer(String id) {
    }

    @Override
    public Mono<String> refundOnce(String paymentId) {
        Mono<String> create = client.post().uri("/v1/payments/{id}/refund", paymentId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("notes", Map.of("reason", "appointment cancelled")))
                .retrieve()
                .bodyToMono(RefundAnswer.class)
                .map(RefundAnswer::id);
        return client.get().uri("/v1/payments/{id}/refunds", paymentId)
                .retrieve()
                .bodyToMono(Refunds.class)
                .flatMap(existing -> existing.items() == null || existing.items().isEmpty() ? create
                        : Mono.just(existing.items().get(0).id()))
                .timeout(TIMEOUT);
    }

    @Override
    public boolean isAuthentic(byte[] body, String signature) {
        if (signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(webhookKey);
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    @Override
    public String publicKeyId() {
        return keyId;
    }
}
