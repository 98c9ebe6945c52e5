package com.illajwala.projections.schedule;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ServerSentChangesTest {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    @Test
    void opensWithAHeartbeatAtOnceThenOneEveryInterval() {
        StepVerifier.withVirtualTime(() -> ServerSentChanges.of(
                        new LiveAppointments.Subscription(false, Flux.never()), change -> true, HEARTBEAT))
                .expectSubscription()
                .assertNext(event -> assertThat(event.comment()).isEqualTo("heartbeat"))
                .expectNoEvent(HEARTBEAT.minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(event -> assertThat(event.comment()).isEqualTo("heartbeat"))
                .thenCancel()
                .verify();
    }

    @Test
    void aStreamThatCannotResumeSaysReloadFirstThenOpens() {
        StepVerifier.withVirtualTime(() -> ServerSentChanges.of(
                        new LiveAppointments.Subscription(true, Flux.never()), change -> true, HEARTBEAT))
                .expectSubscription()
                .assertNext(event -> assertThat(event.event()).isEqualTo(ServerSentChanges.RELOAD))
                .assertNext(event -> assertThat(event.comment()).isEqualTo("heartbeat"))
                .thenCancel()
                .verify();
    }
}
