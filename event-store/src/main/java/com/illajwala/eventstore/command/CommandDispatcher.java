package com.illajwala.eventstore.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;

/**
 * Sends commands from reactive code. Axon's command bus runs the handler, with its blocking JDBC,
 * on the calling thread, so commands run on a scheduler of their own, never on a Netty event loop.
 * A {@link ConcurrencyException} (another instance appended to the same aggregate first) is
 * retried: the retry reloads the aggregate and decides again, e.g. that the slot is now full.
 */
@Component
public class CommandDispatcher implements AutoCloseable {

    private final CommandGateway commandGateway;
    private final Scheduler scheduler;

    public CommandDispatcher(CommandGateway commandGateway,
                             @Value("${illajwala.booking.command-threads:32}") int threads) {
        this.commandGateway = commandGateway;
        this.scheduler = Schedulers.newBoundedElastic(threads, 100_000, "command");
    }

    public <R> Mono<R> send(Object command) {
        return Mono.fromCallable(() -> commandGateway.<R>sendAndWait(command))
                .subscribeOn(scheduler)
                .retryWhen(Retry.backoff(5, Duration.ofMillis(5)).filter(ConcurrencyException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    /**
     * Runs blocking work that belongs with a command, such as reading what it stored, on the command
     * threads: never on an event loop, and never queued behind unrelated work on the shared pools.
     */
    public <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }

    @Override
    public void close() {
        scheduler.dispose();
    }
}
