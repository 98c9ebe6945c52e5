package com.illajwala.identity.otp;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Sends text messages through an SMS provider's HTTP API: {@code POST {baseUrl}/messages} with
 * {@code {"to": phone, "text": text}}, authenticated by a bearer API key when one is configured.
 * Any non-2xx answer, or no answer within five seconds, fails the send.
 */
public final class HttpSmsSender implements SmsSender {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient client;

    /**
     * @param builder a builder to copy; this sender does not change it
     * @param baseUrl the provider's API root, without {@code /messages}
     * @param apiKey  the provider's key, or {@code null} or blank for a provider that needs none
     */
    public HttpSmsSender(WebClient.Builder builder, String baseUrl, String apiKey) {
        WebClient.Builder configured = builder.clone().baseUrl(baseUrl);
        if (apiKey != null && !apiKey.isBlank()) {
            configured.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey);
        }
        this.client = configured.build();
    }

    @Override
    public Mono<Void> send(String phoneNumber, String text) {
        return client.post()
                .uri("/messages")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new Message(phoneNumber, text))
                .retrieve()
                .toBodilessEntity()
                .timeout(TIMEOUT)
                .then();
    }

    private record Message(String to, String text) {
    }
}
