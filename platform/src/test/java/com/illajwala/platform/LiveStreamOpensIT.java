package com.illajwala.platform;

import com.illajwala.identity.auth.AccessTokens;
import com.illajwala.web.access.Caller;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live stream is open as soon as it is subscribed: its headers and a first heartbeat arrive
 * within 500 ms of connecting, although the next heartbeat is an hour away (so what arrives can
 * only be the stream's opening). Its own context: the heartbeat interval is the point.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "illajwala.stream.heartbeat-interval=1h")
@ActiveProfiles("test")
@DirtiesContext
class LiveStreamOpensIT {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() { };
    private static final Duration AT_ONCE = Duration.ofMillis(500);

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient client;
    @Autowired
    AccessTokens tokens;

    @Test
    void thePatientsStreamOpensAtOnce() {
        Caller patient = TestCallers.patient("stream-patient-" + UUID.randomUUID());
        assertOpensAtOnce(() -> stream("localhost", "/api/stream/appointments?ticket={ticket}", ticket(patient, "localhost")));
    }

    @Test
    void theScheduleBoardsStreamOpensAtOnce() {
        Caller doctor = TestCallers.doctor("stream-doctor-" + UUID.randomUUID(), "apollo");
        assertOpensAtOnce(() -> stream("apollo.localhost", "/api/stream/schedule?doctorId=" + doctor.userId() + "&ticket={ticket}",
                ticket(doctor, "apollo.localhost")));
    }

    /** Timed on the second stream of its kind: the first pays for loading the route's code on a busy test JVM. */
    private void assertOpensAtOnce(Supplier<Flux<ServerSentEvent<String>>> streams) {
        firstBytes(streams.get());

        assertThat(firstBytes(streams.get())).as("from connecting to the stream's first bytes").isLessThan(AT_ONCE);
    }

    private static Duration firstBytes(Flux<ServerSentEvent<String>> stream) {
        return StepVerifier.create(stream.take(1))
                .assertNext(event -> assertThat(event.comment()).isEqualTo("heartbeat"))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    private Flux<ServerSentEvent<String>> stream(String host, String path, String ticket) {
        WebClient web = WebClient.create("http://localhost:" + port);
        // the client's first connection costs more than the stream: open one before timing
        web.get().uri("/actuator/health").retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
        return web.get().uri(path, ticket)
                .header(HttpHeaders.HOST, host)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve().bodyToFlux(SSE);
    }

    private String ticket(Caller caller, String host) {
        String answer = client.post().uri("/api/stream/tickets").header(HttpHeaders.HOST, host)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(caller))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        return JsonPath.read(answer, "$.data.ticket");
    }
}
