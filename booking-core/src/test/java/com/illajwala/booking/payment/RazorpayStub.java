package com.illajwala.booking.payment;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A local stand-in for Razorpay's Orders API (an outside, paid service): records requests, answers orders. */
public final class RazorpayStub implements AutoCloseable {

    /** One request as the stub received it. */
    public record Received(String path, String authorization, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger orders = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();

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
        server.start();
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

    @Override
    public void close() {
        server.stop(0);
    }
}
