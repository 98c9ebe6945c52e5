package com.illajwala.platform;

import com.illajwala.identity.auth.AccessTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits hold under a concurrent burst: exactly the allowed number get through, the rest get 429
 * with a Retry-After. Anonymous requests are counted per address, so each test calls from an
 * address of its own in 127.0.0.0/8 (Redis is shared with every other test).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "illajwala.rate-limits.login.requests=5", "illajwala.rate-limits.login.window=1m",
        "illajwala.rate-limits.register.requests=3", "illajwala.rate-limits.register.window=1m",
        "illajwala.rate-limits.search.requests=20", "illajwala.rate-limits.search.window=1m",
        "illajwala.rate-limits.booking.requests=4", "illajwala.rate-limits.booking.window=1m"})
@ActiveProfiles("test")
class RateLimitIT {

    @LocalServerPort
    int port;
    @Autowired
    AccessTokens tokens;

    /** A status and the Retry-After header it came with. */
    record Answer(int status, String retryAfter) {
    }

    @Test
    void aBurstOfSignInsGetsExactlyTheLimitThrough() {
        List<Answer> answers = burst(30, fromAFreshAddress(), http -> http.post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "nobody@example.test", "password", "wrong password")));
        assertLimited(answers, 5, 401);
    }

    @Test
    void aBurstOfRegistrationsGetsExactlyTheLimitThrough() {
        WebClient http = fromAFreshAddress();
        List<Answer> answers = Flux.range(0, 12)
                .flatMap(i -> http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("name", "Burst", "email", "burst-" + UUID.randomUUID() + "@example.test",
                                "password", "burst password 1"))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(answer(response))), 12)
                .collectList().block(Duration.ofSeconds(60));
        assertLimited(answers, 3, 201);
    }

    @Test
    void aBurstOfSearchesGetsExactlyTheLimitThrough() {
        List<Answer> answers = burst(50, fromAFreshAddress(), http -> http.get().uri("/api/doctors"));
        assertLimited(answers, 20, 200);
    }

    @Test
    void bookingIsLimitedPerPatientWhateverTheirAddress() {
        String token = tokens.issue(TestCallers.patient("patient-" + UUID.randomUUID()));
        List<Answer> answers = Flux.range(0, 12)
                .flatMap(i -> fromAFreshAddress().post().uri("/api/appointments")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("slotId", UUID.randomUUID().toString()))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(answer(response))), 12)
                .collectList().block(Duration.ofSeconds(60));
        assertLimited(answers, 4, 404);
    }

    private static void assertLimited(List<Answer> answers, int allowed, int allowedStatus) {
        assertThat(answers).filteredOn(answer -> answer.status() == allowedStatus).hasSize(allowed);
        assertThat(answers).filteredOn(answer -> answer.status() == 429).hasSize(answers.size() - allowed)
                .allSatisfy(answer -> assertThat(Integer.parseInt(answer.retryAfter())).isBetween(1, 60));
    }

    private static List<Answer> burst(int requests, WebClient http,
                                      Function<WebClient, WebClient.RequestHeadersSpec<?>> request) {
        return Flux.range(0, requests)
                .flatMap(i -> request.apply(http).exchangeToMono(response -> response.releaseBody().thenReturn(answer(response))),
                        requests)
                .collectList()
                .block(Duration.ofSeconds(60));
    }

    private static Answer answer(org.springframework.web.reactive.function.client.ClientResponse response) {
        return new Answer(response.statusCode().value(), response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    }

    private WebClient fromAFreshAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address = "127." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
        HttpClient client = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
        return WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .clientConnector(new ReactorClientHttpConnector(client)).build();
    }
}
