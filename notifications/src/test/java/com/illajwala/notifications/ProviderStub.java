package com.illajwala.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the SMS provider (Twilio's Messages API) and WhatsApp's Cloud API: it keeps what
 * it accepted, and on demand answers 503 (an outage) or 400 (refusing every message).
 */
public final class ProviderStub implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC-test";
    public static final String AUTH_TOKEN = "sms-token";
    public static final String PHONE_NUMBER_ID = "1234567890";
    public static final String ACCESS_TOKEN = "whatsapp-token";

    /** How the stub answers. */
    public enum Mode { ACCEPT, UNAVAILABLE, REJECT }

    /** A message the stub accepted. */
    public record Received(String channel, String to, String body, String reference, String authorization) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile Mode mode = Mode.ACCEPT;

    public ProviderStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json", exchange -> answer(exchange, () -> {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(new Received("sms", form.get("To"), form.get("Body"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            return "{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "") + "\",\"status\":\"queued\"}";
        }));
        server.createContext("/v19.0/" + PHONE_NUMBER_ID + "/messages", exchange -> answer(exchange, () -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            received.add(new Received("whatsapp", body.path("to").asText(), body.path("text").path("body").asText(),
                    body.path("biz_opaque_callback_data").asText(null),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            return "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid." + UUID.randomUUID() + "\"}]}";
        }));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Points the platform's SMS and WhatsApp senders at this stub. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("illajwala.notifications.sms.base-url", this::baseUrl);
        registry.add("illajwala.notifications.sms.account-sid", () -> ACCOUNT_SID);
        registry.add("illajwala.notifications.sms.auth-token", () -> AUTH_TOKEN);
        registry.add("illajwala.notifications.sms.from", () -> "+15005550006");
        registry.add("illajwala.notifications.whatsapp.base-url", this::baseUrl);
        registry.add("illajwala.notifications.whatsapp.phone-number-id", () -> PHONE_NUMBER_ID);
        registry.add("illajwala.notifications.whatsapp.access-token", () -> ACCESS_TOKEN);
    }

    public void answer(Mode mode) {
        this.mode = mode;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String channel) {
        return received.stream().filter(message -> message.channel().equals(channel)).toList();
    }

    /** Requests answered 503 or 400. */
    public int refused() {
        return refused.get();
    }

    private interface Accept {
        String accept() throws IOException;
    }

    private void answer(HttpExchange exchange, Accept accept) throws IOException {
        try (exchange) {
            Mode now = mode;
            if (now != Mode.ACCEPT) {
                exchange.getRequestBody().readAllBytes();
                refused.incrementAndGet();
                byte[] error = "{\"code\":21211,\"message\":\"refused\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(now == Mode.UNAVAILABLE ? 503 : 400, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            byte[] answer = accept.accept().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
