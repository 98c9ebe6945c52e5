package com.illajwala.eventstore.command;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Guards the command bus against blocking a Netty event loop, the one mistake that stalls every
 * request; times its commands; notes the sequence numbers they append.
 */
@Configuration(proxyBeanMethods = false)
public class CommandBusConfiguration {

    /** Refuses a command handled on a non-blocking thread; {@link CommandDispatcher} never does that. */
    public static final MessageHandlerInterceptor<CommandMessage<?>> REFUSE_NON_BLOCKING_THREADS = (unitOfWork, chain) -> {
        if (Schedulers.isInNonBlockingThread()) {
            throw new IllegalStateException("Command " + unitOfWork.getMessage().getCommandName()
                    + " handled on non-blocking thread " + Thread.currentThread().getName());
        }
        return chain.proceed();
    };

    @Autowired
    void guard(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(REFUSE_NON_BLOCKING_THREADS);
    }

    /**
     * Times every command, its commit included, as {@code illajwala.commands} by command and outcome
     * ({@code ok}, or {@code failed} for a rejection, a conflict or an error).
     */
    @Autowired
    void timeCommands(CommandBus commandBus, ObjectProvider<MeterRegistry> meters) {
        meters.ifAvailable(registry -> {
            Map<String, Timer> timers = new ConcurrentHashMap<>();
            commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
                long started = System.nanoTime();
                String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
                unitOfWork.onCleanup(done -> {
                    String outcome = done.getExecutionResult() == null || done.getExecutionResult().isExceptionResult() ? "failed" : "ok";
                    timers.computeIfAbsent(command + "/" + outcome, key -> Timer.builder("illajwala.commands")
                                    .tag("command", command)
                                    .tag("outcome", outcome)
                                    .publishPercentileHistogram()
                                    .minimumExpectedValue(Duration.ofMillis(1))
                                    .maximumExpectedValue(Duration.ofSeconds(10))
                                    .register(registry))
                            .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                });
                return chain.proceed();
            });
        });
    }

    @Autowired
    void noteAppendedSequences(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(AppendedSequences.noting());
    }
}
