package com.illajwala.identity.otp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMS provider is an outside paid service, so a local HTTP stub stands in for it. */
class HttpSmsSenderTest {

    private static final String PHONE = "+919812345678";
    private static final String TEXT = "Your Illajwala sign-in code is 123456. It expires in 5 minutes.";

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<ReceivedRequest> received = new AtomicReference<>();
    private final AtomicInteger answerStatus = new AtomicInteger(HttpStatus.ACCEPTED.value());
    private final CountDownLatch releaseUnansweredRequests = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer provider;
    private String baseUrl;

    @BeforeEach
    void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/", this::record);
        provider.createContext("/silent", exchange -> {
            awaitRelease();
            exchange.close();
        });
        provider.setExecutor(handlers);
        provider.start();
        baseUrl = "http://127.0.0.1:" + provider.getAddress().getPort();
    }

    @AfterEach
    void stopProvider() {
        releaseUnansweredRequests.countDown();
        provider.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void postsTheMessageAsJsonWithTheBearerKey() throws IOException {
        HttpSmsSender sender = new HttpSmsSender(WebClient.builder(), baseUrl, "secret-key");

        StepVerifier.create(sender.send(PHONE, TEXT)).verifyComplete();

        ReceivedRequest request = received.get();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/messages");
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(request.authorization()).isEqualTo("Bearer secret-key");
        assertThat(json.readValue(request.body(), Map.class)).isEqualTo(Map.of("to", PHONE, "text", TEXT));
    }

    @Test
    void sendsNoAuthorizationWithoutAnApiKey() {
        HttpSmsSender sender = new HttpSmsSender(WebClient.builder(), baseUrl, null);

        StepVerifier.create(sender.send(PHONE, TEXT)).verifyComplete();

        assertThat(received.get().path()).isEqualTo("/messages");
        assertThat(received.get().authorization()).isNull();
    }

    @Test
    void aServerErrorFailsTheSend() {
        answerStatus.set(HttpStatus.INTERNAL_SERVER_ERROR.value());
        HttpSmsSender sender = new HttpSmsSender(WebClient.builder(), baseUrl, "secret-key");

        StepVerifier.create(sender.send(PHONE, TEXT))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(WebClientResponseException.class, response ->
                                assertThat(response.getStatusCode().value()).isEqualTo(500)))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aProviderThatDoesNotAnswerFailsTheSendAfterFiveSeconds() {
        HttpSmsSender sender = new HttpSmsSender(WebClient.builder(), baseUrl + "/silent", "secret-key");

        StepVerifier.withVirtualTime(() -> sender.send(PHONE, TEXT))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(4_999))
                .thenAwait(Duration.ofMillis(1))
                .expectError(TimeoutException.class)
                .verify(Duration.ofSeconds(5));
    }

    private void record(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.set(new ReceivedRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(answerStatus.get(), -1);
        }
    }

    private void awaitRelease() {
        try {
            releaseUnansweredRequests.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record ReceivedRequest(String method, String path, String contentType, String authorization,
                                   String body) {
    }
}
