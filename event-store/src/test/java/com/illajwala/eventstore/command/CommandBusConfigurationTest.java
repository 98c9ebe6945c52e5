package com.illajwala.eventstore.command;

import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CommandBusConfigurationTest {

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();

    @BeforeEach
    void setUp() {
        bus.subscribe(String.class.getName(), message -> "handled on " + Thread.currentThread().getName());
        bus.registerHandlerInterceptor(CommandBusConfiguration.REFUSE_NON_BLOCKING_THREADS);
    }

    @Test
    void refusesACommandOnANonBlockingThread() {
        CommandResultMessage<?> result = Mono.fromCallable(this::dispatch)
                .subscribeOn(Schedulers.parallel())
                .block(Duration.ofSeconds(5));

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("non-blocking thread");
    }

    @Test
    void handlesACommandOnABlockingThread() {
        CommandResultMessage<?> result = Mono.fromCallable(this::dispatch)
                .subscribeOn(Schedulers.boundedElastic())
                .block(Duration.ofSeconds(5));

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload().toString()).startsWith("handled on boundedElastic");
    }

    private CommandResultMessage<?> dispatch() {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage("book"), callback);
        return callback.getResult();
    }
}
