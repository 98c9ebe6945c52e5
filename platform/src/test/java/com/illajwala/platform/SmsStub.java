package com.illajwala.platform;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A local stand-in for the SMS provider's HTTP API (an outside, paid service): it keeps what it was asked to send. */
final class SmsStub implements AutoCloseable {

    private static final Pattern CODE = Pattern.compile("code is (\\d{6})");

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    SmsStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/messages", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The code in the last message to this phone number. */
    String lastCodeFor(String phone) {
        for (int i = bodies.size() - 1; i >= 0; i--) {
            if (bodies.get(i).contains("\"" + phone + "\"")) {
                Matcher matcher = CODE.matcher(bodies.get(i));
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
