package com.illajwala.notifications.channel;

import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.notifications.NotificationSettings;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResilientSenderTest {

    private final OutgoingMessage message = new OutgoingMessage(NotificationChannel.EMAIL, "asha@example.test", "Asha",
            "Booked", "See you", null, "key-1");

    /** More sends at once than the bulkhead admits are held back, and a healthy provider's breaker stays closed. */
    @Test
    void sendsHeldBackByTheBulkheadDoNotOpenTheBreaker() {
        ChannelSender slowButHealthy = new ChannelSender() {
            @Override
            public NotificationChannel channel() {
                return NotificationChannel.EMAIL;
            }

            @Override
            public Mono<String> send(OutgoingMessage outgoing) {
                return Mono.delay(Duration.ofMillis(200)).thenReturn("sent");
            }
        };
        ResilientSender sender = new ResilientSender(slowButHealthy,
                new NotificationSettings.Resilience(1_000, 2, 1, Duration.ofSeconds(30), Duration.ofSeconds(5)));

        List<Object> outcomes = Flux.range(0, 20)
                .flatMap(i -> sender.send(message).<Object>map(reference -> reference)
                        .onErrorResume(failure -> Mono.just(failure)), 20)
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(outcomes).filteredOn(BulkheadFullException.class::isInstance).isNotEmpty();
        assertThat(outcomes).filteredOn("sent"::equals).hasSize(2);
        assertThat(sender.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(sender.send(message).block(Duration.ofSeconds(5))).isEqualTo("sent");
    }
}
