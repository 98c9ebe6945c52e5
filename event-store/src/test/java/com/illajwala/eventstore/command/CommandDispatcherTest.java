package com.illajwala.eventstore.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class CommandDispatcherTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final CommandDispatcher dispatcher = new CommandDispatcher(gateway, 2);

    @AfterEach
    void close() {
        dispatcher.close();
    }

    @Test
    void aCancelledAnswerLetsTheCommandRunToItsEndUninterrupted() throws Exception {
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        when(gateway.sendAndWait(any())).thenAnswer(invocation -> {
            handling.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
                return null;
            }
            finished.set(true);
            return "done";
        });

        Disposable answer = dispatcher.send("book").subscribe();
        assertThat(handling.await(5, TimeUnit.SECONDS)).isTrue();
        answer.dispose(); // the client went away
        release.countDown();

        await().untilTrue(finished);
        assertThat(interrupted).isFalse();
    }
}
