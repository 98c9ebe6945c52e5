package com.illajwala.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * The platform's public HTTP API as the harness's setup uses it (not measured): JSON in the
 * {@code {"success", "data"}} envelope, a {@code Host} header naming the tenant, a bearer token.
 * Needs {@code -Djdk.httpclient.allowRestrictedHeaders=host}, which the Gatling plugin passes.
 */
final class PlatformClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Setup, not a measurement: publishing a doctor's thousands of slots answers only once they are stored. */
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration MOST_PAUSE = Duration.ofSeconds(5);

    private final LoadSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    PlatformClient(LoadSettings settings) {
        this.settings = settings;
    }

    record Answer(int status, JsonNode body) {
        JsonNode data() {
            return body.path("data");
        }
    }

    /** Sends once; a 429 waits for its {@code Retry-After} and sends again. */
    Answer send(String method, String host, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .timeout(SETUP_TIMEOUT)
                .header("Host", host)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            while (true) {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 429) {
                    long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                    Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)).toMillis());
                    continue;
                }
                String text = response.body();
                return new Answer(response.statusCode(), text.isEmpty() ? JSON.nullNode() : JSON.readTree(text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer's data, which must come with one of the expected statuses. */
    JsonNode expect(String method, String host, String path, String token, Object body, int... statuses) {
        Answer answer = send(method, host, path, token, body);
        for (int status : statuses) {
            if (answer.status() == status) {
                return answer.data();
            }
        }
        throw new IllegalStateException(method + " " + host + path + " answered " + answer.status() + ": " + answer.body());
    }

    /**
     * For what the platform applies asynchronously (a verified doctor reaching booking's directory,
     * slots reaching the read model): sends until the answer has one of the statuses and passes the test.
     * The pause between tries doubles from 200 ms to 5 s: on the embedded MongoDB-wire server, which has no
     * secondary indexes, each read of a doctor's slots scans every slot, and polling it fast was most of
     * the platform's CPU during setup.
     */
    JsonNode eventually(String method, String host, String path, String token, Object body,
                        Predicate<Answer> done, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        Duration pause = Duration.ofMillis(200);
        while (true) {
            Answer answer = send(method, host, path, token, body);
            if (done.test(answer)) {
                return answer.data();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(method + " " + host + path + " still answers " + answer.status() + ": "
                        + answer.body());
            }
            try {
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(MOST_PAUSE) > 0 ? MOST_PAUSE : pause.multipliedBy(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
