package com.illajwala.booking.payment;

import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A local stand-in for Razorpay's Orders and Refunds API (an outside, paid service): records requests, answers them. */
public final class RazorpayStub implements AutoCloseable {

    public static final String WEBHOOK_SECRET = "test-webhook-secret";

    /** One request as the stub received it. */
    public record Received(String path, String authorization, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger orders = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Map<String, String> refunds = new ConcurrentHashMap<>();
    private final AtomicInteger refundsMade = new AtomicInteger();

    public RazorpayStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/orders", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            if (failing.get()) {
                exchange.sendResponseHeaders(502, -1);
                exchange.close();
                return;
            }
            String amount = body.replaceAll(".*\"amount\":(\\d+).*", "$1");
            String currency = body.replaceAll(".*\"currency\":\"([A-Z]{3})\".*", "$1");
            byte[] answer = ("{\"id\":\"order_" + orders.incrementAndGet() + "\",\"entity\":\"order\",\"amount\":" + amount
                    + ",\"currency\":\"" + currency + "\",\"status\":\"created\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/v1/payments/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String paymentId = path.split("/")[3];
            exchange.getRequestBody().readAllBytes();
            received.add(new Received(path, exchange.getRequestHeaders().getFirst("Authorization"), ""));
            String answer;
            if ("GET".equals(exchange.getRequestMethod()) && path.endsWith("/refunds")) {
                String refund = refunds.get(paymentId);
                answer = "{\"entity\":\"collection\",\"count\":" + (refund == null ? 0 : 1) + ",\"items\":["
                        + (refund == null ? "" : "{\"id\":\"" + refund + "\",\"payment_id\":\"" + paymentId + "\"}") + "]}";
            } else {
                String refund = "rfnd_" + orders.incrementAndGet();
                refunds.put(paymentId, refund);
                refundsMade.incrementAndGet();
                answer = "{\"id\":\"" + refund + "\",\"entity\":\"refund\",\"payment_id\":\"" + paymentId + "\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** The refund made of each payment. */
    public Map<String, String> refunds() {
        return refunds;
    }

    /** How many refunds the stub was asked to make. */
    public int refundsMade() {
        return refundsMade.get();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return received;
    }

    public void failOrders(boolean fail) {
        failing.set(fail);
    }

    /** Points the platform's Razorpay gateway at this stub, with an online payment window of {@code window}. */
    public void register(DynamicPropertyRegistry registry, String window) {
        registry.add("illajwala.payments.razorpay.base-url", this::baseUrl);
        registry.add("illajwala.payments.razorpay.key-id", () -> "rzp_test_key");
        registry.add("illajwala.payments.razorpay.key-secret", () -> "test-key-secret");
        registry.add("illajwala.payments.razorpay.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("illajwala.payments.window", () -> window);
    }

    /** Razorpay's {@code payment.captured} webhook body for the appointment's order. */
    public static String captured(String appointmentId, String paymentId, long amountMinor) {
        return "{\"event\":\"payment.captured\",\"payload\":{\"payment\":{\"entity\":{\"id\":\"" + paymentId
                + "\",\"amount\":" + amountMinor + ",\"currency\":\"INR\",\"status\":\"captured\",\"notes\":{\"appointment_id\":\""
                + appointmentId + "\"}}}}}";
    }

    /** The webhook's {@code X-Razorpay-Signature}: HMAC-SHA256 of the body with the webhook secret. */
    public static String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
