package com.illajwala.booking.payment;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class RazorpayGatewayTest {

    private final RazorpayStub stub = new RazorpayStub();
    private final RazorpayGateway gateway = new RazorpayGateway(WebClient.builder(), stub.baseUrl(), "rzp_test_key",
            "key-secret", "webhook-secret");

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void createsAnOrderWithBasicAuthAndTheAppointmentInItsNotes() {
        StepVerifier.create(gateway.createOrder("appt-1", 80_000, "INR"))
                .assertNext(order -> {
                    assertThat(order.orderId()).startsWith("order_");
                    assertThat(order.amountMinor()).isEqualTo(80_000);
                    assertThat(order.currency()).isEqualTo("INR");
                })
                .verifyComplete();
        RazorpayStub.Received request = stub.received().get(0);
        assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("rzp_test_key:key-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.body()).contains("\"amount\":80000", "\"currency\":\"INR\"", "\"receipt\":\"appt-1\"",
                "\"appointment_id\":\"appt-1\"");
    }

    @Test
    void refundsAPaymentOnceEvenWhenAskedAgain() {
        StepVerifier.create(gateway.refundOnce("pay_1")).assertNext(id -> assertThat(id).startsWith("rfnd_")).verifyComplete();
        String first = stub.refunds().get("pay_1");
        StepVerifier.create(gateway.refundOnce("pay_1")).expectNext(first).verifyComplete();
        assertThat(stub.refundsMade()).isEqualTo(1);
    }

    @Test
    void aFailingProviderFailsTheOrder() {
        stub.failOrders(true);
        StepVerifier.create(gateway.createOrder("appt-1", 80_000, "INR")).expectError().verify();
    }

    @Test
    void acceptsOnlyTheHmacOfTheExactBodyWithTheWebhookSecret() throws Exception {
        byte[] body = "{\"event\":\"payment.captured\"}".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("webhook-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal(body));

        assertThat(gateway.isAuthentic(body, signature)).isTrue();
        assertThat(gateway.isAuthentic("{\"event\":\"payment.captured\" }".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(gateway.isAuthentic(body, signature.replace(signature.charAt(0), signature.charAt(0) == 'a' ? 'b' : 'a')))
                .isFalse();
        assertThat(gateway.isAuthentic(body, null)).isFalse();
    }
}
