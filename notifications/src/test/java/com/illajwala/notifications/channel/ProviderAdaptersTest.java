package com.illajwala.notifications.channel;

import com.illajwala.events.notification.NotificationChannel;
import com.illajwala.notifications.NotificationSettings;
import com.illajwala.notifications.ProviderStub;
import com.illajwala.notifications.channel.sms.TwilioSmsSender;
import com.illajwala.notifications.channel.whatsapp.WhatsAppCloudSender;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMS and WhatsApp adapters against a local stub of their providers, alone and behind resilience4j. */
class ProviderAdaptersTest {

    private final ProviderStub stub = new ProviderStub();
    private final TwilioSmsSender sms = new TwilioSmsSender(WebClient.builder(), stub.baseUrl(), ProviderStub.ACCOUNT_SID,
            ProviderStub.AUTH_TOKEN, "+15005550006");
    private final WhatsAppCloudSender whatsapp = new WhatsAppCloudSender(WebClient.builder(), stub.baseUrl(),
            ProviderStub.PHONE_NUMBER_ID, ProviderStub.ACCESS_TOKEN);

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private static OutgoingMessage message(NotificationChannel channel) {
        return new OutgoingMessage(channel, "+919800000001", "Asha", null, "नमस्ते Asha & co, see you at 9:00", null,
                "event-1:" + channel.code());
    }

    @Test
    void postsATwilioShapedFormWithBasicAuthAndOurIdempotencyKey() {
        StepVerifier.create(sms.send(message(NotificationChannel.SMS)))
                .assertNext(sid -> assertThat(sid).startsWith("SM"))
                .verifyComplete();

        ProviderStub.Received received = stub.received("sms").get(0);
        assertThat(received.to()).isEqualTo("+919800000001");
        assertThat(received.body()).isEqualTo("नमस्ते Asha & co, see you at 9:00");
        assertThat(received.reference()).isEqualTo("event-1:sms");
        assertThat(received.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((ProviderStub.ACCOUNT_SID + ":" + ProviderStub.AUTH_TOKEN).getBytes()));
    }

    @Test
    void postsACloudApiTextMessageWithABearerToken() {
        StepVerifier.create(whatsapp.send(message(NotificationChannel.WHATSAPP)))
                .assertNext(id -> assertThat(id).startsWith("wamid."))
                .verifyComplete();

        ProviderStub.Received received = stub.received("whatsapp").get(0);
        assertThat(received.to()).isEqualTo("919800000001");
        assertThat(received.reference()).isEqualTo("event-1:whatsapp");
        assertThat(received.authorization()).isEqualTo("Bearer " + ProviderStub.ACCESS_TOKEN);
    }

    @Test
    void aMessageTheProviderRefusesIsARejectionAndIsNotRetried() {
        stub.answer(ProviderStub.Mode.REJECT);
        ResilientSender resilient = new ResilientSender(sms, resilience());

        StepVerifier.create(resilient.send(message(NotificationChannel.SMS))).expectError(ProviderRejection.class).verify();
        assertThat(stub.refused()).isEqualTo(1);
        assertThat(resilient.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void anOutageIsRetriedThenOpensTheBreakerSoLaterSendsFailAtOnceUntilItHasPassed() {
        stub.answer(ProviderStub.Mode.UNAVAILABLE);
        ResilientSender resilient = new ResilientSender(sms, resilience());

        StepVerifier.create(resilient.send(message(NotificationChannel.SMS))).expectError().verify();
        assertThat(stub.refused()).isEqualTo(3);
        StepVerifier.create(resilient.send(message(NotificationChannel.SMS))).expectError().verify();
        assertThat(resilient.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        int refusedWhileOpen = stub.refused();
        StepVerifier.create(resilient.send(message(NotificationChannel.SMS)))
                .expectError(CallNotPermittedException.class).verify();
        assertThat(stub.refused()).isEqualTo(refusedWhileOpen);

        stub.answer(ProviderStub.Mode.ACCEPT);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> resilient.send(message(NotificationChannel.SMS)).onErrorResume(e -> reactor.core.publisher.Mono.empty())
                        .blockOptional().isPresent());
        assertThat(stub.received("sms")).isNotEmpty();
    }

    private static NotificationSettings.Resilience resilience() {
        return new NotificationSettings.Resilience(50, 4, 3, Duration.ofSeconds(1), Duration.ofSeconds(5));
    }
}
